import { beforeEach, describe, expect, it } from 'vitest';
import { sweepOrphanBlobs } from '../../../api/src/services/attachments/sweep-orphan-blobs.js';
import { createMemoryStore } from '../../../api/src/store/memory-store.js';
import type { BlobStore } from '../../../api/src/ports/blob-store.js';
import type { Store } from '../../../api/src/ports/store.js';
import { listAll } from './blob-store-contract.js';
import { aRequest } from './store-contract.js';
import { aMailCenterItem, anAttachment, anEmailNote } from './store-records.js';

const HOUR = 60 * 60_000;

/**
 * What the sweep needs from an adapter's test: the blob store, and for adapters that keep bytes somewhere others can
 * write too (a folder, a container), ways to leave what an interrupted put leaves and something that is not ours.
 */
export type SweepSubject = {
  blobs: BlobStore;
  leftovers?: {
    /** Leaves what a put killed half-way leaves (a temp file or blob). */
    leave(): Promise<void>;
    /** Puts something that is not ours beside the blobs; `stillThere` says whether it survived. */
    leaveForeign(): Promise<{ stillThere(): Promise<boolean> }>;
  };
};

/** The orphan sweep over one blob adapter, with references in the memory store (the store queries have their own contract). */
export function defineOrphanSweepContract(
  adapter: string,
  createSubject: () => Promise<SweepSubject>,
  options: { leftovers: boolean },
): void {
  describe(`orphan blob sweep: ${adapter}`, () => {
    let subject: SweepSubject;
    let store: Store;
    const sweep = (hoursLater: number, blobs = subject.blobs) =>
      sweepOrphanBlobs(
        { store, blobs, clock: () => new Date(Date.now() + hoursLater * HOUR) },
        { graceMs: HOUR },
      );
    beforeEach(async () => {
      subject = await createSubject();
      store = createMemoryStore();
    });

    it('deletes blobs no record references once past the grace period, and keeps every referenced one', async () => {
      const put = (text: string) => subject.blobs.put(Buffer.from(text));
      const [orphan, attachment, noteOriginal, heldOriginal] = await Promise.all([
        put('failed transaction'),
        put('invoice.pdf'),
        put('reply.eml'),
        put('held.eml'),
      ]);
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(1));
        await tx.collection('attachments').insert(anAttachment('a1', 1, attachment.sha256));
        await tx.collection('notes').insert(anEmailNote('n1', 1, { originalRef: noteOriginal.sha256 }));
        await tx.collection('mailCenter').insert(aMailCenterItem('m1', { originalRef: heldOriginal.sha256 }));
      });

      expect(await sweep(0)).toEqual({ examined: 4, removed: 0, bytesRemoved: 0 });
      expect(await sweep(2)).toEqual({ examined: 4, removed: 1, bytesRemoved: orphan.size });
      expect(await subject.blobs.exists(orphan.sha256)).toBe(false);
      for (const kept of [attachment, noteOriginal, heldOriginal])
        expect(await subject.blobs.exists(kept.sha256)).toBe(true);
    });

    it('keeps an old orphan that a put stores again while the sweep runs (a new transaction needs it)', async () => {
      const bytes = Buffer.from('stored again by a reply being filed right now');
      const ref = await subject.blobs.put(bytes);
      // The put lands between the sweep's listing and its delete: the worst moment.
      const racing: BlobStore = {
        ...subject.blobs,
        list: () => subject.blobs.list(),
        remove: async (listing) => {
          await subject.blobs.put(bytes);
          return subject.blobs.remove(listing);
        },
      };
      expect((await sweep(2, racing)).removed).toBe(0);
      expect(await subject.blobs.exists(ref.sha256)).toBe(true);
    });

    // Defined only where leftovers can exist: in memory a put stores whole bytes or nothing, and nothing else shares the map.
    if (options.leftovers)
      it('deletes what an interrupted put left once old, and never touches what it did not write', async () => {
        const leftovers = subject.leftovers;
        if (!leftovers) throw new Error(`${adapter}: the subject has no leftovers helpers`);
        await leftovers.leave();
        const foreign = await leftovers.leaveForeign();
        expect(await listAll(subject.blobs)).toHaveLength(1);
        expect((await sweep(0)).removed).toBe(0);
        expect((await sweep(2)).removed).toBe(1);
        expect(await listAll(subject.blobs)).toEqual([]);
        expect(await foreign.stillThere()).toBe(true);
      });
  });
}
