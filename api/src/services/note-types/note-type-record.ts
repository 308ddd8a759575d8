import type { NoteType } from '../../domain/note-type.js';

/** Note types are stored under their code; the API shows them without the storage id. */
export const withoutId = ({ code, name, accessLevel }: NoteType & { id?: string }): NoteType => ({
  code,
  name,
  accessLevel,
});
