import { AppError, notFound } from '../../domain/app-error.js';
import { formatSrNumber } from '../../domain/service-request.js';
import type { StoredOriginal } from '../../domain/stored-original.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';
import { sniffOriginalType } from './open-original.js';

/** Where an email note's original is, and the name it downloads under; a not_found that says why when there is none. */
export async function loadNoteOriginal(
  deps: Pick<ServiceDeps, 'store' | 'blobs'>,
  requestId: number,
  noteId: string,
): Promise<{ original: StoredOriginal; name: string }> {
  const note = await deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    return tx.collection('notes').get(noteId);
  });
  if (!note || note.requestId !== requestId) throw notFound('Note', noteId);
  const ref = note.email?.originalRef;
  if (!ref) {
    throw new AppError(
      'not_found',
      note.email
        ? "This note was filed from Outlook, which gives the app the email's text but not the original."
        : 'This note was not made from an email, so there is no original email to show.',
    );
  }
  const contentType = note.email?.originalContentType ?? (await sniffOriginalType(deps, ref));
  return { original: { ref, contentType }, name: `${formatSrNumber(requestId)}-email-${noteId.slice(0, 8)}` };
}
