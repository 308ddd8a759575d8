import type { Readable } from 'node:stream';

// Attachment bytes, addressed by their sha256. Written before the transaction that references them
// commits, so a committed record never points at missing bytes; an unreferenced blob is harmless.
export type BlobRef = { sha256: string; size: number };

export interface BlobStore {
  put(content: Buffer | Readable | AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<BlobRef>;
  /** Fails with AppError 'not_found' when no blob has that hash. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}
