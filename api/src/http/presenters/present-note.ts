import type { TNote } from '../../contract/note.js';
import type { Note } from '../../domain/note.js';

export function presentNote(note: Note & { attachmentIds?: string[] }): TNote {
  const { email, ...rest } = note;
  return {
    id: rest.id,
    requestId: rest.requestId,
    typeCode: rest.typeCode,
    accessLevel: rest.accessLevel,
    source: rest.source,
    bodyHtml: rest.bodyHtml,
    bodyText: rest.bodyText,
    author: rest.author,
    createdAt: rest.createdAt,
    attachmentIds: note.attachmentIds ?? [],
    ...(rest.sentAs ? { sentAs: rest.sentAs } : {}),
    ...(email
      ? {
          email: {
            from: email.from,
            subject: email.subject,
            receivedAt: email.receivedAt,
            ...(email.internetMessageId ? { internetMessageId: email.internetMessageId } : {}),
            signal: email.signal,
            ...(email.authentication ? { authentication: email.authentication } : {}),
            hasOriginal: Boolean(email.originalRef),
            ...(email.elidedHtml ? { elidedHtml: email.elidedHtml } : {}),
          },
        }
      : {}),
  };
}
