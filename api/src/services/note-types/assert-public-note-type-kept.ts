import { AppError } from '../../domain/app-error.js';
import { PUBLIC_NOTE_TYPE, isPublicNoteTypeUsable, type NoteType } from '../../domain/note-type.js';
import type { Transaction } from '../../ports/store.js';

/** Service messaging files every reply as PUBLIC (access level User); while it is on, that type must stay. */
export async function assertPublicNoteTypeKept(tx: Transaction, types: NoteType[]): Promise<void> {
  if (isPublicNoteTypeUsable(types)) return;
  const enabled = (await tx.collection('mailAccounts').all()).filter((a) => a.serviceMessaging);
  if (enabled.length === 0) return;
  throw new AppError(
    'conflict',
    `Service messaging is on for ${enabled.map((a) => a.emailAddress).join(', ')}: it files replies as note type ${PUBLIC_NOTE_TYPE.code} with access level User, so that type must stay. Turn service messaging off first.`,
  );
}
