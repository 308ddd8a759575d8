import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { escapeHtml } from '../core/escape-html.js';
import { outlookReplyHtml } from '../mail/outlook-reply-html.js';
import { htmlToText } from '../mail/body-text.js';
import { childConversationIndex } from '../mail/new-message.js';
import type { Message } from '@microsoft/microsoft-graph-types';
import type { Recipient } from '../state/mail-types.js';

/** What the control API lists: Graph messages. */
export type SentMessage = Message;

/** The newest sent email whose subject or body mentions the SR number (the list is newest first). */
export function findSentMailForSr(sent: SentMessage[], srNumber: string): SentMessage | undefined {
  const needle = srNumber.toLowerCase();
  return sent.find((m) => `${m.subject ?? ''}\n${m.body?.content ?? ''}`.toLowerCase().includes(needle));
}

/** An Outlook-on-the-web reply from the original recipient: new text on top, divRplyFwdMsg header, quoted original. */
export async function composeCustomerReply(
  original: SentMessage,
  text: string,
  deskAddress: string,
): Promise<{ mime: Buffer; from: string; subject: string }> {
  const recipients = (list: Message['toRecipients']): Recipient[] =>
    (list ?? []).map((r) => ({
      emailAddress: { name: r.emailAddress?.name ?? '', address: r.emailAddress?.address ?? '' },
    }));
  const to = recipients(original.toRecipients);
  const from = recipients(original.from ? [original.from] : [])[0] ?? null;
  const customer = to[0]?.emailAddress ?? { name: 'Customer', address: 'customer@fabrikam.test' };
  const originalSubject = original.subject ?? '';
  const subject = /^re:/i.test(originalSubject) ? originalSubject : `RE: ${originalSubject}`;
  const body = { contentType: original.body?.contentType ?? 'text', content: original.body?.content ?? '' };
  const replyHtml = text
    .split(/\r?\n/)
    .map((line) => `<div>${line ? escapeHtml(line) : '<br>'}</div>`)
    .join('\r\n');
  const originalHtml = body.contentType === 'html' ? body.content : `<pre>${escapeHtml(body.content)}</pre>`;
  const html = outlookReplyHtml(
    replyHtml,
    {
      from,
      toRecipients: to,
      ccRecipients: recipients(original.ccRecipients),
      subject: originalSubject,
      sentDateTime: original.sentDateTime ?? null,
    },
    originalHtml,
  );
  const references = [
    ...(header(original, 'References')?.split(/\s+/) ?? []),
    original.internetMessageId ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const composer = new MailComposer({
    from: { name: customer.name, address: customer.address },
    to: deskAddress,
    subject,
    inReplyTo: original.internetMessageId ?? undefined,
    references,
    messageId: `<${randomBytes(10).toString('hex').toUpperCase()}@AM0PR02MB${1000 + randomBytes(1)[0]!}.eurprd02.prod.outlook.com>`,
    headers: [
      { key: 'Thread-Topic', value: originalSubject.replace(/^(re|fw|fwd):\s*/i, '') },
      ...(original.conversationIndex
        ? [{ key: 'Thread-Index', value: childConversationIndex(original.conversationIndex) }]
        : []),
      { key: 'Accept-Language', value: 'en-US' },
      { key: 'Content-Language', value: 'en-US' },
      { key: 'X-MS-Has-Attach', value: '' },
      { key: 'X-MS-TNEF-Correlator', value: '' },
    ],
    text: `${text}\r\n\r\n________________________________\r\nFrom: ${from?.emailAddress.name ?? ''} <${from?.emailAddress.address ?? deskAddress}>\r\nSent: ${original.sentDateTime ?? ''}\r\nTo: ${customer.name} <${customer.address}>\r\nSubject: ${originalSubject}\r\n\r\n${body.contentType === 'html' ? htmlToText(body.content) : body.content}`,
    html,
  });
  return { mime: await composer.compile().build(), from: `${customer.name} <${customer.address}>`, subject };
}

function header(message: SentMessage, name: string): string | undefined {
  return (
    message.internetMessageHeaders?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ??
    undefined
  );
}
