import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../api/src/domain/app-error.js';
import type { Store } from '../../../api/src/ports/store.js';
import { allRecords } from '../../support/store-records.js';
import { aRequest } from './store-fixtures.js';
import { aLedgerEntry } from './store-records.js';

/** Store contract, records: insert, get, put, delete, paging, and the copies handed in and out. */
export function defineRecordRules(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });
  const getRequest = (id: number) => store.read((tx) => tx.collection('requests').get(id));

  describe('records', () => {
    it('inserts a record and gets it back by id; a missing id gives undefined', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      expect(await getRequest(1)).toEqual(aRequest(1));
      expect(await getRequest(2)).toBeUndefined();
    });

    it('keeps a NUL character (malformed customer mail) as U+FFFD, in values and keys, on every adapter', async () => {
      const request = { ...aRequest(1), title: 'Printer\u0000 jam', custom: { 'a\u0000b': 'x\u0000' } };
      await store.transact((tx) => tx.collection('requests').insert(request as never));
      expect(await getRequest(1)).toMatchObject({
        title: 'Printer\uFFFD jam',
        custom: { 'a\uFFFDb': 'x\uFFFD' },
      });
    });

    it('starts with every collection empty', async () => {
      const counts = await store.read(async (tx) =>
        Promise.all(
          (
            ['requests', 'notes', 'attachments', 'history', 'noteTypes', 'mailAccounts', 'settings'] as const
          ).map((name) => tx.collection(name).count()),
        ),
      );
      expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
    });

    it('refuses a second record with the same id as a conflict and keeps the first', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      const second = store.transact((tx) =>
        tx.collection('requests').insert(aRequest(1, { title: 'Other' })),
      );
      await expect(second).rejects.toBeInstanceOf(AppError);
      await expect(second).rejects.toMatchObject({ code: 'conflict' });
      expect((await getRequest(1))?.title).toBe(aRequest(1).title);
    });

    it('keeps number and string ids apart', async () => {
      await store.transact(async (tx) => {
        await tx.collection('noteTypes').insert({ id: '1', code: '1', name: 'One', accessLevel: 'User' });
        await tx.collection('requests').insert(aRequest(1));
      });
      expect(await store.read((tx) => tx.collection('noteTypes').get('1'))).toMatchObject({ name: 'One' });
      expect(
        await store.read((tx) => tx.collection('requests').get('1' as unknown as number)),
      ).toBeUndefined();
    });

    it('put inserts a new record and replaces an existing one whole', async () => {
      await store.transact((tx) =>
        tx.collection('requests').put(aRequest(1, { assignee: { name: 'Sam', email: 'sam@example.com' } })),
      );
      const replacement = aRequest(1, { status: 'Open' });
      await store.transact((tx) => tx.collection('requests').put(replacement));
      expect(await getRequest(1)).toEqual(replacement);
      expect(await store.read((tx) => tx.collection('requests').count())).toBe(1);
    });

    it('gets many records at once, in the order asked, leaving out ids that name nothing', async () => {
      await store.transact(async (tx) => {
        for (const id of [1, 2, 3]) await tx.collection('requests').insert(aRequest(id));
      });
      const found = await store.read((tx) => tx.collection('requests').getMany([3, 9, 1]));
      expect(found).toEqual([aRequest(3), aRequest(1)]);
      expect(await store.read((tx) => tx.collection('requests').getMany([]))).toEqual([]);
    });

    it('puts many records at once, inserting and replacing, the later of two with one id winning', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      await store.transact((tx) =>
        tx
          .collection('requests')
          .putMany([aRequest(1, { status: 'Open' }), aRequest(2), aRequest(2, { status: 'Closed' })]),
      );
      expect(await store.read((tx) => tx.collection('requests').getMany([1, 2]))).toEqual([
        aRequest(1, { status: 'Open' }),
        aRequest(2, { status: 'Closed' }),
      ]);
      // The ledger's keys are hashed in PostgreSQL (long Message-IDs); many at once must find them the same way.
      const entries = ['<a@x>', '<b@x>'].map((m) => aLedgerEntry('desk@contoso.test', m));
      await store.transact((tx) => tx.collection('processedMessages').putMany(entries));
      const ids = entries.map((e) => e.id);
      expect(await store.read((tx) => tx.collection('processedMessages').getMany(ids))).toEqual(entries);
    });

    it('puts nothing of many when one record is refused', async () => {
      const bad = { ...aRequest(2), createdAt: new Date() as unknown as string };
      await expect(
        store.transact((tx) => tx.collection('requests').putMany([aRequest(1), bad])),
      ).rejects.toThrow(TypeError);
      expect(await store.read((tx) => tx.collection('requests').count())).toBe(0);
    });

    it('drops properties whose value is undefined, as JSON does, so put can clear an optional field', async () => {
      await store.transact((tx) =>
        tx.collection('requests').put(aRequest(1, { assignee: { name: 'Sam', email: 'sam@example.com' } })),
      );
      await store.transact((tx) => tx.collection('requests').put({ ...aRequest(1), assignee: undefined }));
      const stored = await getRequest(1);
      expect(stored).toBeDefined();
      expect(Object.keys(stored ?? {})).not.toContain('assignee');
    });

    it('refuses values JSON would change (a Date, NaN, undefined in a list) and commits nothing', async () => {
      const bad: unknown[] = [new Date(), Number.NaN, ['a', undefined], new Map()];
      for (const value of bad) {
        const attempt = store.transact(async (tx) => {
          await tx.collection('requests').insert(aRequest(1));
          await tx.collection('requests').put({ ...aRequest(2), title: value as string });
        });
        await expect(attempt).rejects.toBeInstanceOf(TypeError);
      }
      expect(await store.read((tx) => tx.collection('requests').count())).toBe(0);
    });

    it('deletes by id and says whether there was something to delete', async () => {
      await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      expect(await store.transact((tx) => tx.collection('requests').delete(1))).toBe(true);
      expect(await store.transact((tx) => tx.collection('requests').delete(1))).toBe(false);
      expect(await getRequest(1)).toBeUndefined();
    });

    it('pages through a collection in insertion order and counts it', async () => {
      await store.transact(async (tx) => {
        for (const [id, status] of [
          [3, 'Open'],
          [1, 'New'],
          [2, 'Open'],
        ] as const)
          await tx.collection('requests').insert(aRequest(id, { status }));
      });
      const ids = await store.read(async (tx) => {
        const requests = tx.collection('requests');
        return {
          first: (await requests.page(undefined, 2)).map((r) => r.id),
          rest: (await requests.page(1, 2)).map((r) => r.id),
          total: await requests.count(),
        };
      });
      expect(ids).toEqual({ first: [3, 1], rest: [2], total: 3 });
    });
  });

  describe('copies', () => {
    it('hands out copies: changing a returned record changes nothing stored', async () => {
      const inserted = await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
      inserted.title = 'changed after insert';
      const read = await getRequest(1);
      if (!read) throw new Error('the record is missing');
      read.participants.push('mallory@example.com');
      const [listed] = await store.read((tx) => allRecords(tx, 'requests'));
      if (!listed) throw new Error('the record is missing');
      listed.requester.email = 'mallory@example.com';
      expect(await getRequest(1)).toEqual(aRequest(1));
    });

    it('stores a copy: changing the object after insert or put changes nothing stored', async () => {
      const record = aRequest(1);
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(record);
        record.requester.name = 'changed inside the transaction';
      });
      record.participants.push('changed after commit');
      expect(await getRequest(1)).toEqual(aRequest(1));
    });
  });
}
