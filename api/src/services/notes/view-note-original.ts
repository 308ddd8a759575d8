import type { OriginalContentType, StoredOriginal } from '../../domain/stored-original.js';
import type { ServiceDeps } from '../deps.js';
import { loadNoteOriginal } from './load-note-original.js';
import { originalFileName, readOriginalBytes } from './open-original.js';
import { renderOriginal, type RenderedOriginal } from '../../reply/render-original.js';

/** Larger originals are big attachments; the download has them, the dialog would only wait for them. */
const MAX_VIEW_BYTES = 25 * 1024 * 1024;

export type NoteOriginalView = RenderedOriginal & {
  download: { contentType: OriginalContentType; fileName: string };
};

/** An email note's original read for the screen: headers and the whole body, sanitised; and what the download is. */
export async function viewNoteOriginal(
  deps: Pick<ServiceDeps, 'store' | 'blobs'>,
  requestId: number,
  noteId: string,
): Promise<NoteOriginalView> {
  const { original, name } = await loadNoteOriginal(deps, requestId, noteId);
  return viewOriginal(deps, original, name);
}

/** Any stored original read for the screen (a note's, a Mail Center email's). */
export async function viewOriginal(
  deps: Pick<ServiceDeps, 'blobs'>,
  original: StoredOriginal,
  name: string,
): Promise<NoteOriginalView> {
  const rendered = await renderOriginal({
    bytes: await readOriginalBytes(deps, original, MAX_VIEW_BYTES),
    contentType: original.contentType,
  });
  return {
    ...rendered,
    download: { contentType: original.contentType, fileName: originalFileName(original, name) },
  };
}
