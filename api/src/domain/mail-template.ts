// Administration > Mail > Templates. The reply text line carries #EC_ID#; see reply-marker.ts for its rules.
export type TemplatePurpose = 'manual' | 'rule';

export type MailTemplate = {
  id: string;
  name: string;
  purpose: TemplatePurpose;
  subject: string;
  /** Sanitised on save. */
  bodyHtml: string;
  replyText: string;
  createdAt: string;
  updatedAt: string;
};
