import type { ServiceDeps } from '../deps.js';
import { loadNoteOriginal } from './load-note-original.js';
import { openOriginal, type OpenedOriginal } from './open-original.js';

/** An email note's original as it arrived: the MIME (.eml) or Graph's JSON of the message. */
export async function openNoteOriginal(
  deps: Pick<ServiceDeps, 'store' | 'blobs'>,
  requestId: number,
  noteId: string,
): Promise<OpenedOriginal> {
  const { original, name } = await loadNoteOriginal(deps, requestId, noteId);
  return openOriginal(deps, original, name);
}
