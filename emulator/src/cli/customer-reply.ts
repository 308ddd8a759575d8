import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { escapeHtml } from '../util/escape-html.js';
import { outlookReplyHtml } from '../mail/outlook-reply-html.js';
import { htmlToText } from '../mail/body-text.js';
import { childConversationIndex } from '../mail/new-message.js';
import type { Recipient } from '../state/mail-types.js';

/** The Graph JSON shape the control API lists (only what a reply needs). */
export type SentMessage = {
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  internetMessageId: string;
  conversationIndex: string;
  sentDateTime: string | null;
  from: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  internetMessageHeaders?: Array<{ name: string; value: string }>;
};

/** The newest sent email whose subject or body mentions the SR number (the list is newest first). */
export function findSentMailForSr(sent: SentMessage[], srNumber: string): SentMessage | undefined {
  const needle = srNumber.toLowerCase();
  return sent.find((m) => m.subject.toLowerCase().includes(needle) || m.body.content.toLowerCase().includes(needle));
}

/** An Outlook-on-the-web reply from the original recipient: new text on top, divRplyFwdMsg header, quoted original. */
export async function composeCustomerReply(original: SentMessage, text: string, deskAddress: string): Promise<{ mime: Buffer; from: string; subject: string }> {
  const customer = original.toRecipients[0]?.emailAddress ?? { name: 'Customer', address: 'customer@fabrikam.test' };
  const subject = /^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`;
  const replyHtml = text.split(/\r?\n/).map((line) => `<div>${line ? escapeHtml(line) : '<br>'}</div>`).join('\r\n');
  const originalHtml = original.body.contentType === 'html' ? original.body.content : `<pre>${escapeHtml(original.body.content)}</pre>`;
  const html = outlookReplyHtml(replyHtml, original, originalHtml);
  const references = [...(header(original, 'References')?.split(/\s+/) ?? []), original.internetMessageId].filter(Boolean).join(' ');
  const composer = new MailComposer({
    from: { name: customer.name, address: customer.address },
    to: deskAddress,
    subject,
    inReplyTo: original.internetMessageId,
    references,
    messageId: `<${randomBytes(10).toString('hex').toUpperCase()}@AM0PR02MB${1000 + randomBytes(1)[0]!}.eurprd02.prod.outlook.com>`,
    headers: [
      { key: 'Thread-Topic', value: original.subject.replace(/^(re|fw|fwd):\s*/i, '') },
      { key: 'Thread-Index', value: childConversationIndex(original.conversationIndex) },
      { key: 'Accept-Language', value: 'en-US' },
      { key: 'Content-Language', value: 'en-US' },
      { key: 'X-MS-Has-Attach', value: '' },
      { key: 'X-MS-TNEF-Correlator', value: '' },
    ],
    text: `${text}\r\n\r\n________________________________\r\nFrom: ${original.from?.emailAddress.name ?? ''} <${original.from?.emailAddress.address ?? deskAddress}>\r\nSent: ${original.sentDateTime ?? ''}\r\nTo: ${customer.name} <${customer.address}>\r\nSubject: ${original.subject}\r\n\r\n${original.body.contentType === 'html' ? htmlToText(original.body.content) : original.body.content}`,
    html,
  });
  return { mime: await composer.compile().build(), from: `${customer.name} <${customer.address}>`, subject };
}

function header(message: SentMessage, name: string): string | undefined {
  return message.internetMessageHeaders?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}
