import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
import type { MessageHeader, Recipient } from '../state/mail-types.js';

export type ParsedAttachment = {
  name: string;
  contentType: string;
  bytes: Buffer;
  isInline: boolean;
  contentId: string | null;
  /** True for an attached message (message/rfc822): Graph shows it as an itemAttachment. */
  isItem: boolean;
};

export type ParsedMime = {
  subject: string;
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  internetMessageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  sentDateTime: Date | null;
  importance: 'low' | 'normal' | 'high';
  html: string | null;
  text: string | null;
  headers: MessageHeader[];
  attachments: ParsedAttachment[];
};

/** RFC 822 → the fields Exchange derives, with a real MIME parser. */
export async function parseMime(raw: Buffer): Promise<ParsedMime> {
  const parsed = await simpleParser(raw, { keepCidLinks: true, skipImageLinks: true, skipTextToHtml: true });
  const headers = parsed.headerLines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    return {
      name: colon > 0 ? line.slice(0, colon).trim() : key,
      value: line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    };
  });
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  const from = recipients(parsed.from)[0] ?? null;
  const senderHeader = parsed.headers.get('sender') as AddressObject | undefined;
  return {
    subject: parsed.subject ?? '',
    from,
    sender: recipients(senderHeader)[0] ?? from,
    toRecipients: recipients(parsed.to),
    ccRecipients: recipients(parsed.cc),
    bccRecipients: recipients(parsed.bcc),
    replyTo: recipients(parsed.replyTo),
    internetMessageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: Array.isArray(parsed.references) ? parsed.references.join(' ') : (parsed.references ?? null),
    sentDateTime: parsed.date ?? null,
    importance: importanceOf(parsed.headers.get('importance'), parsed.headers.get('x-priority')),
    html,
    text: parsed.text ?? null,
    headers,
    attachments: parsed.attachments.map((a) => toAttachment(a, html)),
  };
}

function toAttachment(a: Attachment, html: string | null): ParsedAttachment {
  const contentId = a.cid ?? (a.contentId ? a.contentId.replace(/^<|>$/g, '') : null);
  const referenced = contentId !== null && html !== null && html.includes(`cid:${contentId}`);
  const isItem = a.contentType === 'message/rfc822';
  return {
    name: a.filename ?? (isItem ? 'Attached message.eml' : 'attachment'),
    contentType: a.contentType,
    bytes: a.content,
    isInline:
      !isItem &&
      contentId !== null &&
      (a.contentDisposition === 'inline' || a.related === true || referenced),
    contentId,
    isItem,
  };
}

function recipients(field: AddressObject | AddressObject[] | undefined): Recipient[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects
    .flatMap((o) => o.value)
    .flatMap((v) =>
      v.group
        ? v.group.map((g) => ({
            emailAddress: { name: g.name || g.address || '', address: g.address ?? '' },
          }))
        : [{ emailAddress: { name: v.name || v.address || '', address: v.address ?? '' } }],
    );
}

function importanceOf(importance: unknown, priority: unknown): 'low' | 'normal' | 'high' {
  const value = String(importance ?? '').toLowerCase();
  if (value === 'high' || value === 'low') return value;
  const p = String(priority ?? '').trim()[0];
  if (p === '1' || p === '2') return 'high';
  if (p === '4' || p === '5') return 'low';
  return 'normal';
}
