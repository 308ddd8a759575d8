import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { MailAddress, MailAttachment, MailHeader, MailMessage } from '../../domain/mail-message.js';
import { decodeFlowed, withoutFlowedParameter } from './decode-flowed.js';

// Raw MIME (Graph's /$value, .eml files) -> MailMessage, through the same shape Graph JSON takes, so every corpus and
// every live message follows one code path. Broken MIME still yields a message: what could be read, plus a problem.

const EPOCH = new Date(0).toISOString();
const MAX_RAW_BODY = 1_000_000;

function addresses(field: AddressObject | AddressObject[] | undefined, keepNameOnly = false): MailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const out: MailAddress[] = [];
  const stack = objects.flatMap((o) => o.value);
  while (stack.length > 0) {
    const entry = stack.shift();
    if (!entry) continue;
    if (entry.group) stack.push(...entry.group);
    else if (entry.address || (keepNameOnly && entry.name))
      out.push({ ...(entry.name ? { name: entry.name } : {}), address: entry.address ?? '' });
  }
  return out;
}

function headers(parsed: ParsedMail): MailHeader[] {
  return parsed.headerLines.map(({ line }) => {
    const unfolded = line.replace(/\r?\n[ \t]+/g, ' ');
    const colon = unfolded.indexOf(':');
    return colon < 0
      ? { name: unfolded.trim(), value: '' }
      : { name: unfolded.slice(0, colon).trim(), value: unfolded.slice(colon + 1).trim() };
  });
}

function attachments(parsed: ParsedMail): MailAttachment[] {
  return parsed.attachments.map((a) => ({
    name: a.filename ?? '',
    contentType: (a.contentType || 'application/octet-stream').toLowerCase(),
    size: a.size ?? a.content?.length ?? 0,
    isInline: a.contentDisposition === 'inline' || Boolean(a.related),
    ...(a.cid ? { contentId: a.cid.replace(/^<|>$/g, '') } : {}),
    kind: a.contentType?.toLowerCase() === 'message/rfc822' ? 'item' : 'file',
  }));
}

function fallback(raw: Buffer, problem: string): MailMessage {
  return {
    subject: '',
    from: { address: '' },
    to: [],
    cc: [],
    replyTo: [],
    receivedAt: EPOCH,
    headers: [],
    bodyText: raw.subarray(0, MAX_RAW_BODY).toString('latin1'),
    attachments: [],
    problems: [problem],
  };
}

/** The bytes after the header block, for messages whose MIME structure could not be followed. */
function rawBody(raw: Buffer): string {
  const view = raw.subarray(0, MAX_RAW_BODY * 2).toString('latin1');
  const blank = /\r?\n\r?\n/.exec(view);
  return blank ? view.slice(blank.index + blank[0].length, blank.index + blank[0].length + MAX_RAW_BODY) : '';
}

export async function fromMime(raw: Buffer | string): Promise<MailMessage> {
  const original = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const { raw: buffer, flowed } = withoutFlowedParameter(original);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(buffer, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
    });
  } catch (error) {
    return fallback(original, `mime-unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const from = addresses(parsed.from, true)[0] ?? { address: '' };
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : EPOCH;
  const problems = parsed.headerLines.length === 0 ? ['mime-without-headers'] : [];
  let text = parsed.text;
  if (text !== undefined && flowed) text = decodeFlowed(text, flowed.delSp);
  if (text === undefined && parsed.html === false && parsed.attachments.length === 0) {
    // A part boundary the parser could not follow (an unfolded parameter, say): keep the bytes for content signals.
    const body = rawBody(original);
    if (body.trim()) {
      text = body;
      problems.push('mime-structure-unreadable');
    }
  }
  return {
    ...(parsed.messageId ? { internetMessageId: parsed.messageId } : {}),
    subject: parsed.subject ?? '',
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo),
    receivedAt: date,
    headers: headers(parsed),
    ...(typeof parsed.html === 'string' ? { bodyHtml: parsed.html } : {}),
    ...(text !== undefined ? { bodyText: text } : {}),
    attachments: attachments(parsed),
    ...(problems.length > 0 ? { problems } : {}),
  };
}
