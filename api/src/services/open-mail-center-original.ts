import type { Readable } from 'node:stream';
import type { ServiceDeps } from './deps.js';
import { getMailCenterItem } from './get-mail-center-item.js';

/** The stored original: the MIME (.eml, opens in any mail client) or Graph's JSON of the message. */
export async function openMailCenterOriginal(deps: Pick<ServiceDeps, 'store' | 'blobs'>, itemId: string): Promise<{ body: Readable; contentType: string; fileName: string }> {
  const item = await getMailCenterItem(deps, itemId);
  const body = await deps.blobs.open(item.originalRef);
  const isMime = item.originalContentType === 'message/rfc822';
  return { body, contentType: isMime ? 'message/rfc822' : 'application/json', fileName: `mail-center-${item.id}.${isMime ? 'eml' : 'json'}` };
}
