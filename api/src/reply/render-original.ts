import type { Message } from '@microsoft/microsoft-graph-types';
import type { MailAddress } from '../domain/mail-message.js';
import type { OriginalContentType } from '../domain/stored-original.js';
import { parseHtml } from './extract/html-dom.js';
import { sanitiseNodes } from './extract/sanitise-html.js';
import { textToHtml } from './extract/text-to-html.js';
import { fromGraphMessage } from './normalise/from-graph-message.js';
import { fromMime } from './normalise/from-mime.js';

export type RenderedOriginal = {
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: string;
  /** Safe to show: the pipeline's sanitiser, remote and inline images left out. */
  bodyHtml: string;
  attachments: { name: string; contentType: string; size: number }[];
};

/**
 * An original as a person reads it, through the same normalisers and sanitiser as the pipeline. Inline images are
 * left out (their alt text stays): they are the original's parts, not files the tab can load.
 */
export async function renderOriginal({
  bytes,
  contentType,
}: {
  bytes: Buffer;
  contentType: OriginalContentType;
}): Promise<RenderedOriginal> {
  const message =
    contentType === 'message/rfc822'
      ? await fromMime(bytes)
      : fromGraphMessage(JSON.parse(bytes.toString('utf8')) as Message);
  const html = message.bodyHtml?.trim()
    ? sanitiseNodes([parseHtml(message.bodyHtml).document], {
        rewriteCid: () => undefined,
        remoteImages: 'drop',
      }).trim()
    : textToHtml(message.bodyText ?? '');
  return {
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    date: message.receivedAt,
    bodyHtml: html,
    attachments: message.attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: a.size })),
  };
}
