// An email as it arrived, kept in the blob store so a person can see or download exactly what was sent: the MIME (an
// .eml any mail client opens, attachments included) when the mailbox gave it, else Graph's JSON of the message.

export type OriginalContentType = 'message/rfc822' | 'application/json';

export type StoredOriginal = { ref: string; contentType: OriginalContentType };

export const ORIGINAL_EXTENSION: Record<OriginalContentType, string> = {
  'message/rfc822': 'eml',
  'application/json': 'json',
};
