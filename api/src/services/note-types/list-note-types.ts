import type { NoteType } from '../../domain/note-type.js';
import type { ServiceDeps } from '../deps.js';
import { withoutId } from './note-type-record.js';

export async function listNoteTypes(deps: ServiceDeps): Promise<NoteType[]> {
  const types = await deps.store.read((tx) => tx.collection('noteTypes').all());
  return types.map(withoutId).sort((a, b) => a.code.localeCompare(b.code));
}
