import type { Readable } from 'node:stream';

// Attachment bytes, addressed by their sha256. Written before the transaction that references them
// commits, so a committed record never points at missing bytes. A blob whose transaction then failed is
// unreferenced: the orphan sweep (services/sweep-orphan-blobs.ts) removes it once it is older than a grace period.
export type BlobRef = { sha256: string; size: number };

export type BlobStoreKind = 'file' | 'azure' | 'memory';

/**
 * One stored object as `list` found it. `sha256` is absent for what an interrupted put left behind (a temp file or
 * blob), which nothing can reference. `version` changes whenever a put writes the object again, so `remove` can tell
 * that the bytes it is about to delete were just stored for a new transaction.
 */
export type BlobListing = { name: string; sha256?: string; size: number; writtenAt: Date; version: string };

export interface BlobStore {
  readonly kind: BlobStoreKind;
  /**
   * Stores the content under its sha256 and returns the ref once the bytes are durable. Content already stored is
   * written (or touched) again, so its `writtenAt` is this put's: the sweep's grace period counts from the last put.
   * Past maxBytes it fails with AppError 'payload_too_large' and leaves nothing behind.
   */
  put(
    content: Buffer | Readable | AsyncIterable<Uint8Array>,
    options?: { maxBytes?: number },
  ): Promise<BlobRef>;
  /** Fails with AppError 'not_found' when no blob has that hash. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Every stored object, complete or left over, in no particular order. */
  list(): AsyncIterable<BlobListing>;
  /** Deletes the object unless a put has written it since it was listed (its version changed); says whether it did. */
  remove(listing: BlobListing): Promise<boolean>;
  /** Whether the bytes can be read and written now; the detail names no path, account or secret. */
  health(): Promise<{ ok: boolean; detail: string }>;
}
