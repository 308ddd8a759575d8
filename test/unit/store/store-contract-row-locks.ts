import { beforeEach, describe, expect, it } from 'vitest';
import type { Store, Transaction, TransactOptions } from '../../../api/src/ports/store.js';
import type { ContractOptions } from './store-contract.js';
import { aRequest, gate, letOthersRun } from './store-fixtures.js';
import { anEmailNote } from './store-records.js';

const ROW_LOCKS: TransactOptions = { isolation: 'row-locks' };

/**
 * Store contract, row locks (TransactOptions.isolation): the work locks what it decides on with getForUpdate, each run
 * of it goes through once, and transactions on different records do not collide, whatever tables they share.
 */
export function defineRowLockRules(current: () => Store, options: ContractOptions): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });
  /** transact with row locks, counting how many times the store ran `work` (a retry runs it again). */
  let runs = 0;
  const transact = <R>(work: (tx: Transaction) => Promise<R>) =>
    store.transact((tx) => (runs++, work(tx)), ROW_LOCKS);
  beforeEach(() => {
    runs = 0;
  });

  describe('row locks', () => {
    it('makes read-modify-write transactions on one record take turns: no update lost, none run twice', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1, { participants: [] })));
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          transact(async (tx) => {
            const requests = tx.collection('requests');
            const sr = await requests.getForUpdate(1);
            if (!sr) throw new Error('the record is missing');
            await letOthersRun();
            await requests.put({ ...sr, participants: [...sr.participants, `p${i}@example.com`] });
          }),
        ),
      );
      const stored = await store.read((tx) => tx.collection('requests').get(1));
      expect(stored?.participants).toHaveLength(25);
      expect(runs).toBe(25);
    });

    it('getForUpdate of an id that names nothing gives undefined', async () => {
      expect(await transact((tx) => tx.collection('requests').getForUpdate(404))).toBeUndefined();
    });

    if (options.concurrentTransactions) {
      it('lets two transactions on different records overlap on the same tables without either running again', async () => {
        await store.transact(async (tx) => {
          await tx.collection('requests').insert(aRequest(1));
          await tx.collection('requests').insert(aRequest(2));
        });
        // Like two instances' group commits: each files replies on its own SR, first looking for an earlier note of
        // the same email, and neither commits before both have written. Under SERIALIZABLE their reads and inserts
        // on the same index pages form a read-write cycle, and one of the two is aborted and run again.
        const bothWrote = gate();
        let wrote = 0;
        const fileNote = (requestId: number) =>
          transact(async (tx) => {
            const sr = await tx.collection('requests').getForUpdate(requestId);
            const notes = tx.collection('notes');
            for (let i = 0; i < 5; i++) {
              const messageId = `<reply-${i}-${requestId}@customer.test>`;
              expect(await notes.byMessageId(messageId)).toEqual([]);
              await notes.insert(
                anEmailNote(`n${requestId}-${i}`, requestId, { internetMessageId: messageId }),
              );
            }
            await tx.collection('requests').put({ ...sr!, hasNewEmailReply: true });
            if (++wrote === 2) bothWrote.open();
            await bothWrote.promise;
          });
        await Promise.all([fileNote(1), fileNote(2)]);
        expect(runs).toBe(2);
        const notes = await store.read((tx) => tx.collection('notes').getMany(['n1-4', 'n2-4']));
        expect(notes.map((n) => n.id)).toEqual(['n1-4', 'n2-4']);
      });

      it('reads what others committed meanwhile, where a serializable transaction keeps its first snapshot', async () => {
        await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
        const readOnce = gate();
        const changed = gate();
        const seen = transact(async (tx) => {
          const before = await tx.collection('requests').get(1);
          readOnce.open();
          await changed.promise;
          return [before?.status, (await tx.collection('requests').getForUpdate(1))?.status];
        });
        await readOnce.promise;
        await store.transact((tx) => tx.collection('requests').put(aRequest(1, { status: 'Open' })));
        changed.open();
        expect(await seen).toEqual(['New', 'Open']);
        expect(runs).toBe(1);
      });
    }
  });
}
