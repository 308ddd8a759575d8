import { AppError } from '../../domain/app-error.js';
import type { Note } from '../../domain/note.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';
import { noteBody } from './note-body.js';
import { recordHistory } from '../requests/record-history.js';

export async function addNote(
  deps: ServiceDeps,
  author: Principal,
  requestId: number,
  input: { typeCode: string; body: string },
): Promise<Note> {
  const { bodyHtml, bodyText } = noteBody(input.body);
  // Pasted markup with no words in it ("<p></p>") is as empty as no text at all.
  if (!bodyText.trim())
    throw new AppError('validation_failed', 'Write the note before adding it.', [
      { path: 'body', message: 'Write the note before adding it.' },
    ]);
  return deps.store.transact(async (tx) => {
    const sr = await loadRequest(tx, requestId);
    const type = await (
      await tx.collection('noteTypes').all()
    ).find((t) => t.code === input.typeCode.toUpperCase());
    if (!type)
      throw new AppError(
        'validation_failed',
        `There is no note type "${input.typeCode}" (Administration > General > Type).`,
      );
    const now = deps.clock().toISOString();
    const note = await tx.collection('notes').insert({
      id: deps.newId(),
      requestId,
      typeCode: type.code,
      accessLevel: type.accessLevel,
      source: 'agent',
      bodyHtml,
      bodyText,
      author: { id: author.id, name: author.name, email: author.email },
      createdAt: now,
    });
    // Answering the SR is how an agent deals with a new reply.
    await tx.collection('requests').put({ ...sr, updatedAt: now, hasNewEmailReply: false });
    await recordHistory(deps, tx, {
      requestId,
      kind: 'note-added',
      summary: `${type.name} note added by ${author.name}`,
      actor: author,
      details: { noteId: note.id, typeCode: type.code },
    });
    return note;
  });
}
