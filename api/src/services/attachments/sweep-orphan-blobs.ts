import type { BlobListing } from '../../ports/blob-store.js';
import type { ServiceDeps } from '../deps.js';

/** A blob younger than this may belong to a transaction still in flight (its bytes go in before it commits). */
export const DEFAULT_ORPHAN_GRACE_MS = 60 * 60_000;
const BATCH = 500;

export type OrphanSweepResult = { examined: number; removed: number; bytesRemoved: number };

/**
 * Deletes blobs no record references (their transaction failed after the bytes were written, or the record was purged
 * since) and what interrupted puts left, once older than the grace period.
 *
 * Why it cannot delete bytes a new record needs: each blob is listed with its version before the store is asked which
 * hashes are referenced, so a reference committed before that question is seen. A reference committed after it comes
 * from a put made after the listing (a put writes the blob again, changing its version, and `remove` refuses a changed
 * version) or from a put older than the grace period, which is the one case the grace period exists to rule out.
 * Safe to run on every instance of a cluster at once: a blob another sweep removed first is simply not removed again.
 */
export async function sweepOrphanBlobs(
  deps: Pick<ServiceDeps, 'store' | 'blobs' | 'clock'>,
  options: { graceMs?: number } = {},
): Promise<OrphanSweepResult> {
  const cutoff = deps.clock().getTime() - (options.graceMs ?? DEFAULT_ORPHAN_GRACE_MS);
  const result: OrphanSweepResult = { examined: 0, removed: 0, bytesRemoved: 0 };
  let old: BlobListing[] = [];
  for await (const listing of deps.blobs.list()) {
    result.examined += 1;
    if (listing.writtenAt.getTime() > cutoff) continue;
    old.push(listing);
    if (old.length === BATCH) {
      await removeUnreferenced(deps, old, result);
      old = [];
    }
  }
  await removeUnreferenced(deps, old, result);
  return result;
}

async function removeUnreferenced(
  deps: Pick<ServiceDeps, 'store' | 'blobs'>,
  listings: BlobListing[],
  result: OrphanSweepResult,
): Promise<void> {
  if (listings.length === 0) return;
  const hashes = listings.flatMap((listing) => (listing.sha256 ? [listing.sha256] : []));
  const referenced = hashes.length === 0 ? new Set<string>() : await referencedAmong(deps, hashes);
  for (const listing of listings) {
    if (listing.sha256 && referenced.has(listing.sha256)) continue;
    if (await deps.blobs.remove(listing)) {
      result.removed += 1;
      result.bytesRemoved += listing.size;
    }
  }
}

/** Every collection whose records point at blobs: attachments by their bytes, notes and Mail Center items by their original. */
function referencedAmong(deps: Pick<ServiceDeps, 'store'>, hashes: string[]): Promise<Set<string>> {
  return deps.store.read(async (tx) => {
    const found = new Set(await tx.collection('attachments').blobRefsAmong(hashes));
    for (const ref of await tx.collection('notes').blobRefsAmong(hashes)) found.add(ref);
    for (const ref of await tx.collection('mailCenter').blobRefsAmong(hashes)) found.add(ref);
    return found;
  });
}
