import type { MailAddress } from '../domain/mail-message.js';
import type { OriginalContentType } from '../domain/stored-original.js';

// Reading an original (MIME or Graph JSON) and sanitising its body is the mail engine's job (mail/render-original.ts);
// services that show one get it injected, so they run exactly the engine's parsing and sanitiser without importing mail/.

export type RenderedOriginal = {
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: string;
  /** Safe to show: the engine's sanitiser, remote and inline images left out. */
  bodyHtml: string;
  attachments: { name: string; contentType: string; size: number }[];
};

export type RenderOriginal = (original: {
  bytes: Buffer;
  contentType: OriginalContentType;
}) => Promise<RenderedOriginal>;
