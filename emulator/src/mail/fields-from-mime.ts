import type { ParsedMime } from '../mime/parse-mime.js';
import type { MessageFields } from './new-message.js';

/** What a message read from MIME says of itself: subject, body (the html part when there is one) and its people. */
export function fieldsFromMime(
  parsed: ParsedMime,
): Pick<MessageFields, 'subject' | 'body' | 'from' | 'sender' | 'toRecipients' | 'ccRecipients'> {
  return {
    subject: parsed.subject,
    body:
      parsed.html !== null
        ? { contentType: 'html', content: parsed.html }
        : { contentType: 'text', content: parsed.text ?? '' },
    from: parsed.from,
    sender: parsed.sender,
    toRecipients: parsed.toRecipients,
    ccRecipients: parsed.ccRecipients,
  };
}
