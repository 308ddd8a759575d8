import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../api/src/ports/store.js';
import { allRecords } from '../../support/store-records.js';
import type { ContractOptions } from './store-contract.js';
import { aRequest, gate, letOthersRun } from './store-fixtures.js';

/** Store contract, transactions: isolation, rollback, queueing, snapshots, close, and sequences. */
/** `reopen` opens a fresh store for the rest of a test that closed its own (the contract closes it afterwards). */
export function defineTransactionRules(
  current: () => Store,
  reopen: () => Promise<Store>,
  options: ContractOptions,
): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });
  const getRequest = (id: number) => store.read((tx) => tx.collection('requests').get(id));

  describe('transactions', () => {
    it('a transaction sees its own writes before it commits', async () => {
      const seen = await store.transact(async (tx) => {
        const requests = tx.collection('requests');
        await requests.insert(aRequest(1));
        await requests.put(aRequest(2));
        await requests.delete(2);
        return {
          one: await requests.get(1),
          count: await requests.count(),
          all: (await allRecords(tx, 'requests')).map((r) => r.id),
        };
      });
      expect(seen).toEqual({ one: aRequest(1), count: 1, all: [1] });
    });

    it('reads a small collection again after writing it, and hands out a copy at each read', async () => {
      const noteType = { id: 'memo', code: 'MEMO', name: 'Memo', accessLevel: 'User' as const };
      const seen = await store.transact(async (tx) => {
        const types = tx.collection('noteTypes');
        const ids = async () => (await types.all()).map((t) => t.id);
        const before = await ids();
        (await types.all()).push(noteType);
        const unchanged = await ids();
        await types.insert(noteType);
        const after = await ids();
        const read = await types.get('memo');
        if (read) read.name = 'changed by the reader';
        const name = (await types.get('memo'))?.name;
        await types.put({ ...noteType, name: 'Memo, renamed' });
        return { before, unchanged, after, name, renamed: (await types.get('memo'))?.name };
      });
      expect(seen).toEqual({
        before: seen.before,
        unchanged: seen.before,
        after: [...seen.before, 'memo'],
        name: 'Memo',
        renamed: 'Memo, renamed',
      });
      expect(seen.before).not.toContain('memo');
    });

    it('rolls back every change, records and sequences, when the work throws', async () => {
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(1));
        await tx.collection('requests').insert(aRequest(2));
        expect(await tx.nextSequence('requests')).toBe(1);
      });
      const failure = new Error('the service changed its mind');
      const attempt = store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(3));
        await tx.collection('requests').put(aRequest(1, { status: 'Closed' }));
        await tx.collection('requests').delete(2);
        await tx.collection('history').insert({
          id: 'h1',
          requestId: 1,
          kind: 'created',
          summary: 'x',
          actor: { id: 'a', name: 'A' },
          at: '2025-01-01T00:00:00.000Z',
        });
        expect(await tx.nextSequence('requests')).toBe(2);
        expect(await tx.nextSequence('emails')).toBe(1);
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);
      const after = await store.read(async (tx) => ({
        requests: await allRecords(tx, 'requests'),
        history: await tx.collection('history').count(),
      }));
      expect(after).toEqual({ requests: [aRequest(1), aRequest(2)], history: 0 });
      const [request, email] = await store.transact(async (tx) => [
        await tx.nextSequence('requests'),
        await tx.nextSequence('emails'),
      ]);
      if (options.sequencesMayGap) {
        // The numbers the failed transaction took are skipped, never handed out twice.
        expect([request, email]).toEqual([3, 2]);
      } else {
        expect([request, email]).toEqual([2, 1]);
      }
    });

    it('rolls back when a conflict is not caught, including earlier writes of the same transaction', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      const attempt = store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(2));
        await tx.collection('requests').insert(aRequest(1));
      });
      await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
      expect(await getRequest(2)).toBeUndefined();
    });

    it('returns what the work returns', async () => {
      expect(await store.transact(async () => 'done')).toBe('done');
      expect(await store.read(async () => 42)).toBe(42);
    });

    if (options.concurrentTransactions) {
      it('runs transactions side by side, each unable to see the other before it commits', async () => {
        const holdFirst = gate();
        const first = store.transact(async (tx) => {
          await tx.collection('requests').insert(aRequest(1));
          await holdFirst.promise;
        });
        const seenBySecond = await store.transact((tx) => tx.collection('requests').get(1));
        holdFirst.open();
        await first;
        expect(seenBySecond).toBeUndefined();
        expect(await getRequest(1)).toEqual(aRequest(1));
      });
    } else {
      it('runs transactions one at a time: a second does not start until the first has committed', async () => {
        const events: string[] = [];
        const holdFirst = gate();
        const first = store.transact(async (tx) => {
          events.push('first started');
          await tx.collection('requests').insert(aRequest(1));
          await holdFirst.promise;
          events.push('first finishing');
        });
        const second = store.transact(async (tx) => {
          events.push('second started');
          return tx.collection('requests').get(1);
        });
        await letOthersRun();
        expect(events).toEqual(['first started']);
        holdFirst.open();
        const seenBySecond = await second;
        await first;
        expect(events).toEqual(['first started', 'first finishing', 'second started']);
        expect(seenBySecond).toEqual(aRequest(1));
      });
    }

    it('concurrent read-modify-write transactions lose no update', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1, { participants: [] })));
      const additions = Array.from({ length: 25 }, (_, i) =>
        store.transact(async (tx) => {
          const requests = tx.collection('requests');
          const current = await requests.get(1);
          if (!current) throw new Error('the record is missing');
          await letOthersRun();
          await requests.put({ ...current, participants: [...current.participants, `p${i}@example.com`] });
        }),
      );
      await Promise.all(additions);
      expect((await getRequest(1))?.participants).toHaveLength(25);
    });

    it('a failed transaction does not block the ones queued behind it', async () => {
      const failing = store.transact(async () => {
        await letOthersRun();
        throw new Error('boom');
      });
      const next = store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      await expect(failing).rejects.toThrow('boom');
      await expect(next).resolves.toEqual(aRequest(1));
    });

    it('a read during a transaction sees committed data only', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      const inside = gate();
      const finish = gate();
      const writing = store.transact(async (tx) => {
        await tx.collection('requests').put(aRequest(1, { status: 'Open' }));
        await tx.collection('requests').insert(aRequest(2));
        inside.open();
        await finish.promise;
      });
      await inside.promise;
      const during = await store.read(async (tx) => ({
        one: await tx.collection('requests').get(1),
        count: await tx.collection('requests').count(),
      }));
      expect(during).toEqual({ one: aRequest(1), count: 1 });
      finish.open();
      await writing;
      expect(await store.read((tx) => tx.collection('requests').count())).toBe(2);
      expect((await getRequest(1))?.status).toBe('Open');
    });

    it('a read keeps the snapshot it started with while a transaction commits', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      const started = gate();
      const resume = gate();
      const reading = store.read(async (tx) => {
        const before = await tx.collection('requests').count();
        started.open();
        await resume.promise;
        return [
          before,
          await tx.collection('requests').count(),
          (await tx.collection('requests').get(1))?.status,
        ];
      });
      await started.promise;
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(2));
        await tx.collection('requests').put(aRequest(1, { status: 'Open' }));
      });
      resume.open();
      expect(await reading).toEqual([1, 1, 'New']);
    });

    it('refuses a transaction started inside another, which would otherwise wait for itself forever', async () => {
      const nested = store.transact(async () => store.transact(async () => 'inner'));
      await expect(nested).rejects.toThrow(/inside another transaction/);
      await expect(store.transact(async () => 'still usable')).resolves.toBe('still usable');
    });

    it('refuses to use a transaction after it has ended', async () => {
      const leaked = await store.transact(async (tx) => tx);
      expect(() => leaked.collection('requests')).toThrow(/has ended/);
      const leakedRead = await store.read(async (tx) => tx.collection('requests'));
      await expect(leakedRead.count()).rejects.toThrow(/has ended/);
    });

    it('waits for queued transactions on close and refuses new work afterwards', async () => {
      const pending = store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      await store.close();
      await expect(pending).resolves.toEqual(aRequest(1));
      await expect(store.transact(async () => undefined)).rejects.toThrow(/closed/);
      await expect(store.read(async () => undefined)).rejects.toThrow(/closed/);
      store = await reopen();
    });
  });

  describe('sequences', () => {
    it('counts from 1, each name on its own, never repeating', async () => {
      const numbers = await store.transact(async (tx) => [
        await tx.nextSequence('requests'),
        await tx.nextSequence('requests'),
        await tx.nextSequence('emails'),
      ]);
      expect(numbers).toEqual([1, 2, 1]);
      const concurrent = await Promise.all(
        Array.from({ length: 10 }, () => store.transact((tx) => tx.nextSequence('requests'))),
      );
      expect([...concurrent].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });
  });
}
