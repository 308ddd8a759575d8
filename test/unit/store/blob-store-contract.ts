import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BlobListing, BlobStore } from '../../../api/src/ports/blob-store.js';

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** An endless source that counts what was taken from it, to show the store stops reading at the limit. */
export function endlessSource(chunkSize: number): {
  source: AsyncIterable<Uint8Array>;
  chunksTaken: () => number;
} {
  let taken = 0;
  async function* generate() {
    for (;;) {
      taken += 1;
      yield Buffer.alloc(chunkSize, taken % 256);
    }
  }
  return { source: generate(), chunksTaken: () => taken };
}

export async function listAll(blobs: BlobStore): Promise<BlobListing[]> {
  const found: BlobListing[] = [];
  for await (const listing of blobs.list()) found.push(listing);
  return found;
}

/** The behaviour every BlobStore promises; each adapter's test file runs it with its own factory. */
export function defineBlobStoreContract(adapter: string, createBlobStore: () => Promise<BlobStore>): void {
  describe(`BlobStore contract: ${adapter}`, () => {
    let blobs: BlobStore;
    beforeEach(async () => {
      blobs = await createBlobStore();
    });

    it('stores bytes under their sha256 and gives them back', async () => {
      const bytes = Buffer.from('%PDF-1.7 quarterly report');
      const ref = await blobs.put(bytes);
      expect(ref).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
      expect(await blobs.exists(ref.sha256)).toBe(true);
      expect(await buffer(await blobs.open(ref.sha256))).toEqual(bytes);
    });

    it('gives the same content the same hash, and different content a different one', async () => {
      const first = await blobs.put(Buffer.from('same'));
      const second = await blobs.put(Buffer.from('same'));
      const other = await blobs.put(Buffer.from('other'));
      expect(second).toEqual(first);
      expect(other.sha256).not.toBe(first.sha256);
      expect(await buffer(await blobs.open(first.sha256))).toEqual(Buffer.from('same'));
    });

    it('takes a Readable stream or any async iterable of bytes', async () => {
      const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(16_384, i));
      const whole = Buffer.concat(chunks);
      const fromStream = await blobs.put(Readable.from(chunks));
      async function* generate() {
        yield* chunks;
      }
      const fromIterable = await blobs.put(generate());
      expect(fromStream).toEqual({ sha256: sha256Of(whole), size: whole.length });
      expect(fromIterable).toEqual(fromStream);
      // Compared by hash: Vitest's deep equality walks a large Buffer byte by byte, for seconds.
      expect(sha256Of(await buffer(await blobs.open(fromStream.sha256)))).toBe(sha256Of(whole));
    });

    it('stores empty content', async () => {
      const ref = await blobs.put(Buffer.alloc(0));
      expect(ref).toEqual({ sha256: sha256Of(Buffer.alloc(0)), size: 0 });
      expect(await buffer(await blobs.open(ref.sha256))).toEqual(Buffer.alloc(0));
    });

    it('accepts content of exactly maxBytes and refuses one byte more as payload_too_large, storing nothing', async () => {
      expect((await blobs.put(Buffer.alloc(100, 1), { maxBytes: 100 })).size).toBe(100);
      const tooLarge = Buffer.alloc(101, 2);
      await expect(blobs.put(tooLarge, { maxBytes: 100 })).rejects.toMatchObject({
        code: 'payload_too_large',
      });
      expect(await blobs.exists(sha256Of(tooLarge))).toBe(false);
      expect((await listAll(blobs)).map((l) => l.size)).toEqual([100]);
    });

    it('stops reading a stream as soon as it passes maxBytes, and lists nothing after', async () => {
      const { source, chunksTaken } = endlessSource(1_024);
      await expect(blobs.put(source, { maxBytes: 300_000 })).rejects.toMatchObject({
        code: 'payload_too_large',
      });
      expect(chunksTaken()).toBe(293);
      expect(await listAll(blobs)).toEqual([]);
    });

    it('lists every stored blob once, with its hash, size and when it was written', async () => {
      const before = Date.now();
      const first = await blobs.put(Buffer.from('first'));
      const second = await blobs.put(Buffer.alloc(200_000, 3));
      await blobs.put(Buffer.from('first'));
      const listed = await listAll(blobs);
      expect(listed.map((l) => ({ sha256: l.sha256, size: l.size })).sort((a, b) => a.size - b.size)).toEqual(
        [first, second],
      );
      for (const listing of listed) {
        // Storage clocks count whole seconds (Last-Modified), so allow one either side.
        expect(listing.writtenAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
        expect(listing.writtenAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
      }
    });

    it('removes a listed blob, and says false when it is already gone', async () => {
      const ref = await blobs.put(Buffer.from('orphan'));
      const [listing] = await listAll(blobs);
      expect(await blobs.remove(listing!)).toBe(true);
      expect(await blobs.exists(ref.sha256)).toBe(false);
      await expect(blobs.open(ref.sha256)).rejects.toMatchObject({ code: 'not_found' });
      expect(await blobs.remove(listing!)).toBe(false);
    });

    it('refuses to remove a blob that a put wrote again since it was listed', async () => {
      const bytes = Buffer.from('needed again by a new transaction');
      const ref = await blobs.put(bytes);
      const [listing] = await listAll(blobs);
      await blobs.put(bytes);
      expect(await blobs.remove(listing!)).toBe(false);
      expect(await buffer(await blobs.open(ref.sha256))).toEqual(bytes);
      const [again] = await listAll(blobs);
      expect(again!.version).not.toBe(listing!.version);
    });

    it('says it is healthy, naming no path or secret', async () => {
      const health = await blobs.health();
      expect(health.ok).toBe(true);
      expect(health.detail).not.toMatch(/\/|AccountKey|sig=/);
    });

    it('refuses chunks that are not bytes', async () => {
      await expect(blobs.put(Readable.from(['text, not bytes']))).rejects.toBeInstanceOf(TypeError);
    });

    it('says not_found for an unknown hash, and for anything that is not a hash at all', async () => {
      const unknown = sha256Of(Buffer.from('never stored'));
      await expect(blobs.open(unknown)).rejects.toMatchObject({ code: 'not_found' });
      expect(await blobs.exists(unknown)).toBe(false);
      for (const notAHash of ['../../etc/passwd', '', 'ABC', `${unknown}/..`]) {
        await expect(blobs.open(notAHash)).rejects.toMatchObject({ code: 'not_found' });
        expect(await blobs.exists(notAHash)).toBe(false);
      }
    });
  });
}
