import { notFound } from '../../domain/app-error.js';
import type { AccessLevel, NoteType } from '../../domain/note-type.js';
import { assertPublicNoteTypeKept } from './assert-public-note-type-kept.js';
import type { ServiceDeps } from '../deps.js';
import { withoutId } from './note-type-record.js';

export async function updateNoteType(
  deps: ServiceDeps,
  code: string,
  patch: { name?: string; accessLevel?: AccessLevel },
): Promise<NoteType> {
  return deps.store.transact(async (tx) => {
    const current = await tx.collection('noteTypes').get(code.toUpperCase());
    if (!current) throw notFound('Note type', code);
    const next = { ...current, ...patch };
    const others = (await tx.collection('noteTypes').all()).filter((t) => t.id !== current.id);
    await assertPublicNoteTypeKept(tx, [...others, next]);
    return withoutId(await tx.collection('noteTypes').put(next));
  });
}
