import MailComposer from 'nodemailer/lib/mail-composer';
import type { Recipient, StoredMessage } from '../state/mail-types.js';

/** The RFC 822 form of a stored message: the original source when it arrived as MIME, else composed as Exchange would. */
export async function messageMime(message: StoredMessage): Promise<Buffer> {
  if (message.mime) return Buffer.from(message.mime, 'base64');
  return composeMime(message);
}

export async function composeMime(message: StoredMessage): Promise<Buffer> {
  // Custom x- headers and the receiving server's Authentication-Results stamp (the API reads it from the MIME too).
  const custom = message.internetMessageHeaders.filter((h) => /^(x-|authentication-results$)/i.test(h.name));
  const composer = new MailComposer({
    from: address(message.from),
    sender:
      message.sender && message.sender.emailAddress.address !== message.from?.emailAddress.address
        ? address(message.sender)
        : undefined,
    to: message.toRecipients.map(mailbox),
    cc: message.ccRecipients.map(mailbox),
    bcc: message.bccRecipients.map(mailbox),
    replyTo: message.replyTo.map(mailbox),
    subject: message.subject,
    messageId: message.internetMessageId,
    inReplyTo: message.inReplyTo ?? undefined,
    references: message.references ?? undefined,
    date: new Date(message.sentDateTime ?? message.createdDateTime),
    priority: message.importance,
    headers: [
      { key: 'Thread-Topic', value: message.subject.replace(/^((re|fw|fwd|aw|wg|sv|tr)\s*:\s*)+/i, '') },
      { key: 'Thread-Index', value: message.conversationIndex },
      { key: 'Content-Language', value: 'en-US' },
      ...custom.map((h) => ({ key: h.name, value: h.value })),
    ],
    ...(message.body.contentType === 'html'
      ? { html: message.body.content }
      : { text: message.body.content }),
    attachments: message.attachments.flatMap((a) => {
      if (a.kind === 'file') {
        return [
          {
            filename: a.name,
            content: Buffer.from(a.contentBytes ?? '', 'base64'),
            contentType: a.contentType ?? 'application/octet-stream',
            contentDisposition: a.isInline ? ('inline' as const) : ('attachment' as const),
            ...(a.contentId ? { cid: a.contentId } : {}),
          },
        ];
      }
      if (a.kind === 'item') {
        return [
          {
            filename: a.name,
            content: Buffer.from(a.itemMime ?? '', 'base64'),
            contentType: 'message/rfc822',
            contentDisposition: 'attachment' as const,
          },
        ];
      }
      return [];
    }),
  });
  return composer.compile().build();
}

function address(recipient: Recipient | null): { name: string; address: string } | undefined {
  return recipient ? mailbox(recipient) : undefined;
}

function mailbox(recipient: Recipient): { name: string; address: string } {
  return { name: recipient.emailAddress.name, address: recipient.emailAddress.address };
}
