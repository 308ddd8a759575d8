import { AppError } from '../../domain/app-error.js';
import type { NoteType } from '../../domain/note-type.js';
import type { ServiceDeps } from '../deps.js';
import { withoutId } from './note-type-record.js';

export async function createNoteType(deps: ServiceDeps, input: NoteType): Promise<NoteType> {
  return deps.store.transact(async (tx) => {
    if (await tx.collection('noteTypes').get(input.code))
      throw new AppError('conflict', `A note type with code ${input.code} already exists.`);
    return withoutId(await tx.collection('noteTypes').insert({ id: input.code, ...input }));
  });
}
