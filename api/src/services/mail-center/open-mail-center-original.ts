import type { ServiceDeps } from '../deps.js';
import { getMailCenterItem } from './get-mail-center-item.js';
import { openOriginal, type OpenedOriginal } from '../notes/open-original.js';

/** The stored original: the MIME (.eml, opens in any mail client) or Graph's JSON of the message. */
export async function openMailCenterOriginal(
  deps: Pick<ServiceDeps, 'store' | 'blobs'>,
  itemId: string,
): Promise<OpenedOriginal> {
  const item = await getMailCenterItem(deps, itemId);
  return openOriginal(
    deps,
    { ref: item.originalRef, contentType: item.originalContentType },
    `mail-center-${item.id}`,
  );
}
