import { Readable } from 'node:stream';
import { consume, missingBlob } from './blob-content.js';
import type { BlobStore } from '../ports/blob-store.js';

type Stored = { bytes: Buffer; writtenAt: Date; version: number };

/** The blob store contract in memory (STORE=memory and tests). `clock` lets a test age what it stored. */
export function createMemoryBlobStore(clock: () => Date = () => new Date()): BlobStore {
  const blobs = new Map<string, Stored>();
  let versions = 0;
  return {
    kind: 'memory',
    async put(content, options) {
      const chunks: Buffer[] = [];
      const ref = await consume(content, options?.maxBytes, (chunk) => {
        chunks.push(Buffer.from(chunk));
      });
      blobs.set(ref.sha256, { bytes: Buffer.concat(chunks), writtenAt: clock(), version: ++versions });
      return ref;
    },
    async open(sha256) {
      const stored = blobs.get(sha256);
      if (!stored) throw missingBlob(sha256);
      return Readable.from([Buffer.from(stored.bytes)]);
    },
    async exists(sha256) {
      return blobs.has(sha256);
    },
    async *list() {
      for (const [sha256, stored] of [...blobs]) {
        yield {
          name: sha256,
          sha256,
          size: stored.bytes.length,
          writtenAt: stored.writtenAt,
          version: String(stored.version),
        };
      }
    },
    async remove(listing) {
      const stored = blobs.get(listing.name);
      if (!stored || String(stored.version) !== listing.version) return false;
      return blobs.delete(listing.name);
    },
    async health() {
      return { ok: true, detail: 'in memory (lost when the process stops)' };
    },
  };
}
