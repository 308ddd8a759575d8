import type { Attachment } from '../../domain/attachment.js';
import type { Note } from '../../domain/note.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';

export type NoteWithAttachments = Note & { attachmentIds: string[] };

/** Oldest first, as a conversation reads. */
export async function listNotes(deps: ServiceDeps, requestId: number): Promise<NoteWithAttachments[]> {
  return deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    const notes = await tx.collection('notes').ofRequest(requestId);
    const attachments = (await tx.collection('attachments').ofRequest(requestId)).filter(
      (a) => a.noteId !== undefined,
    );
    const byNote = groupBy(attachments, (a) => a.noteId ?? '');
    return notes
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((note) => ({ ...note, attachmentIds: (byNote.get(note.id) ?? []).map((a) => a.id) }));
  });
}

function groupBy(items: Attachment[], key: (a: Attachment) => string): Map<string, Attachment[]> {
  const map = new Map<string, Attachment[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
