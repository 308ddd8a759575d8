import type { ServiceDeps } from '../deps.js';
import { getMailCenterItem } from './get-mail-center-item.js';
import { viewOriginal, type NoteOriginalView } from '../notes/view-note-original.js';

/** A Mail Center email read for the screen, whole, with its line breaks: the same reading as a note's original. */
export async function viewMailCenterOriginal(
  deps: Pick<ServiceDeps, 'store' | 'blobs'>,
  itemId: string,
): Promise<NoteOriginalView> {
  const item = await getMailCenterItem(deps, itemId);
  return viewOriginal(
    deps,
    { ref: item.originalRef, contentType: item.originalContentType },
    `mail-center-${item.id}`,
  );
}
