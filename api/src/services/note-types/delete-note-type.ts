import { notFound } from '../../domain/app-error.js';
import { assertPublicNoteTypeKept } from './assert-public-note-type-kept.js';
import type { ServiceDeps } from '../deps.js';

export async function deleteNoteType(deps: ServiceDeps, code: string): Promise<void> {
  await deps.store.transact(async (tx) => {
    const id = code.toUpperCase();
    if (!(await tx.collection('noteTypes').get(id))) throw notFound('Note type', code);
    const remaining = (await tx.collection('noteTypes').all()).filter((t) => t.id !== id);
    await assertPublicNoteTypeKept(tx, remaining);
    await tx.collection('noteTypes').delete(id);
  });
}
