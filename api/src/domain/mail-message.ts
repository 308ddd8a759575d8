// The one shape every inbound email takes inside the engine, whether it came from Graph JSON or raw MIME.

export type MailAddress = { name?: string; address: string };

export type MailHeader = { name: string; value: string };

export type MailAttachmentKind = 'file' | 'item' | 'reference';

export type MailAttachment = {
  id?: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId?: string;
  kind: MailAttachmentKind;
};

/** The body as text, read once off the API's thread (mail/understand) and reused by every check. */
export type MessageRendering = {
  /** What a reader sees: the html rendered (hidden parts left out), or the text part. */
  visible: string;
  /** The html's rough one-pass text for finding tokens (hidden token copies kept); empty without html. */
  search: string;
};

export type MailMessage = {
  /** Graph message id, when the message came from Graph. */
  id?: string;
  internetMessageId?: string;
  conversationId?: string;
  subject: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  /** ISO 8601. */
  receivedAt: string;
  headers: MailHeader[];
  bodyHtml?: string;
  bodyText?: string;
  /** Graph's uniqueBody (html); a cross-check only, it is known to return whole threads. */
  uniqueBodyHtml?: string;
  attachments: MailAttachment[];
  /** Exchange PidTagMessageClass when known, e.g. "IPM.Schedule.Meeting.Request" or "REPORT.IPM.Note.NDR". */
  messageClass?: string;
  /** What went wrong while normalising (undecodable charset, broken MIME...), so decisions can say why. */
  problems?: string[];
  /** The body already read (mail/understand); absent, the checks render it themselves. */
  rendered?: MessageRendering;
  /** Plain-language lines about text that was too long to store whole (cap-message-text.ts); the note repeats them. */
  trimmed?: string[];
};

// Messages are never mutated once normalised, so each header list is indexed once (classifiers ask for ~20 names).
const headerIndexes = new WeakMap<readonly MailHeader[], Map<string, string[]>>();

function headerIndex(headers: readonly MailHeader[]): Map<string, string[]> {
  let index = headerIndexes.get(headers);
  if (!index) {
    index = new Map();
    for (const header of headers) {
      const key = header.name.toLowerCase();
      const values = index.get(key);
      if (values) values.push(header.value);
      else index.set(key, [header.value]);
    }
    headerIndexes.set(headers, index);
  }
  return index;
}

/** The first value of a header, matched case-insensitively, or undefined. */
export function headerValue(message: Pick<MailMessage, 'headers'>, name: string): string | undefined {
  if (message.headers.length === 0) return undefined;
  return headerIndex(message.headers).get(name.toLowerCase())?.[0];
}

/** Every value of a header (Received, References...), in message order. */
export function headerValues(message: Pick<MailMessage, 'headers'>, name: string): string[] {
  if (message.headers.length === 0) return [];
  return [...(headerIndex(message.headers).get(name.toLowerCase()) ?? [])];
}

export function hasHeader(message: Pick<MailMessage, 'headers'>, name: string): boolean {
  return headerValue(message, name) !== undefined;
}

const MESSAGE_ID = /<([^<>\s]{1,998})>/g;

/**
 * Every `<...>` token of a Message-ID list, without the angle brackets. Exchange and iOS separate References with
 * commas, others with whitespace; both (and junk between tokens) are accepted.
 */
export function parseMessageIdList(value: string | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(MESSAGE_ID)].map((m) => m[1] ?? '').filter(Boolean);
}

/** A Message-ID without angle brackets and surrounding space; the form ids are stored and compared in. */
export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** The domain of an address or Message-ID (the part after the last @), lower-cased; '' when there is none. */
export function domainOf(addressOrId: string): string {
  const at = addressOrId.lastIndexOf('@');
  return at < 0
    ? ''
    : addressOrId
        .slice(at + 1)
        .replace(/>\s*$/, '')
        .trim()
        .toLowerCase();
}

export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
