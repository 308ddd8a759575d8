import type { MailAddress, MailMessage } from './mail-message.js';

// Caps on the text of an arriving email that is stored as is (subject, sender names). A mail client writes a header
// line of at most 998 characters (RFC 5322 §2.1.1); anything longer is not a subject a person typed, and stored
// whole it would bloat every list, search and history entry. The text is trimmed, not refused: the reply still
// reaches its SR, the note says what was cut, and the original email keeps every character.

export const MAX_SUBJECT_CHARS = 1_000;
export const MAX_NAME_CHARS = 256;

export function capMessageText(message: MailMessage): MailMessage {
  const trimmed: string[] = [];
  const subject = cap(message.subject, MAX_SUBJECT_CHARS, (length) =>
    trimmed.push(
      `The subject was ${length.toLocaleString('en-US')} characters long; the first ${MAX_SUBJECT_CHARS.toLocaleString('en-US')} are kept (the original email has it whole).`,
    ),
  );
  const capName = (address: MailAddress): MailAddress =>
    address.name === undefined || address.name.length <= MAX_NAME_CHARS
      ? address
      : { ...address, name: cap(address.name, MAX_NAME_CHARS, () => undefined) };
  const from = capName(message.from);
  if (from !== message.from)
    trimmed.push(`The sender's name was longer than ${MAX_NAME_CHARS} characters and was shortened.`);
  if (trimmed.length === 0) return message;
  return {
    ...message,
    subject,
    from,
    to: message.to.map(capName),
    cc: message.cc.map(capName),
    replyTo: message.replyTo.map(capName),
    trimmed: [...(message.trimmed ?? []), ...trimmed],
  };
}

function cap(text: string, max: number, onTrim: (length: number) => void): string {
  if (text.length <= max) return text;
  onTrim(text.length);
  return `${text.slice(0, max - 1)}…`;
}
