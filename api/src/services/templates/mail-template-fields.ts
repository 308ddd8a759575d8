import { requireValidMailTemplate } from '../../domain/check-mail-template.js';
import type { MailTemplate, TemplatePurpose } from '../../domain/mail-template.js';
import { DEFAULT_REPLY_MARKER } from '../../domain/reply-marker.js';
import { sanitiseMailHtml } from './sanitise-mail-html.js';

export type MailTemplateInput = {
  name: string;
  purpose: TemplatePurpose;
  subject: string;
  bodyHtml: string;
  replyText?: string;
};

type TemplateFields = Pick<MailTemplate, 'name' | 'purpose' | 'subject' | 'bodyHtml' | 'replyText'>;

/**
 * What a template is stored as: the body sanitised, the reply text defaulted (new templates get the example line),
 * and every problem listed at once, so the admin fixes them in one go.
 */
export function mailTemplateFields(input: MailTemplateInput): TemplateFields {
  const fields: TemplateFields = {
    name: input.name.trim(),
    purpose: input.purpose,
    subject: input.subject.trim(),
    bodyHtml: sanitiseMailHtml(input.bodyHtml),
    replyText: input.replyText?.trim() || DEFAULT_REPLY_MARKER,
  };
  requireValidMailTemplate(fields);
  return fields;
}
