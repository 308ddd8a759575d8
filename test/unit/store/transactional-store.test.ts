import { describe, expect, it } from 'vitest';
import { migrate } from '../../../api/src/store/migrations.js';
import { newStoreData, type StoreData } from '../../../api/src/store/store-data.js';
import { TransactionalStore } from '../../../api/src/store/transactional-store.js';
import { aRequest } from './store-contract.js';

// The engine's side of persistence, which the adapters rely on: what it hands to `persist`, and when.
function migratedData(): StoreData {
  const data = newStoreData();
  migrate(data);
  return data;
}

describe('TransactionalStore persistence', () => {
  it('persists each committing transaction once, with the whole database, and skips read-only ones', async () => {
    const persisted: StoreData[] = [];
    const store = new TransactionalStore(migratedData(), async (data) => {
      persisted.push(structuredClone(data));
    });
    await store.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(1));
      await tx.nextSequence('requests');
    });
    await store.transact((tx) => tx.collection('requests').get(1));
    expect(persisted).toHaveLength(1);
    expect(persisted[0]?.collections.requests).toEqual([aRequest(1)]);
    expect(persisted[0]?.sequences).toEqual({ requests: 1 });
    expect(persisted[0]?.collections.notes).toEqual([]);
  });

  it('does not commit when persisting fails: the transaction rejects and the data stays as it was', async () => {
    let isDiskFull = false;
    const store = new TransactionalStore(migratedData(), async () => {
      if (isDiskFull) throw new Error('ENOSPC: no space left on device');
    });
    await store.transact((tx) => tx.collection('requests').insert(aRequest(1)));
    isDiskFull = true;
    const attempt = store.transact(async (tx) => {
      await tx.collection('requests').put(aRequest(1, { status: 'Closed' }));
      return tx.nextSequence('requests');
    });
    await expect(attempt).rejects.toThrow(/ENOSPC/);
    isDiskFull = false;
    expect(await store.read((tx) => tx.collection('requests').get(1))).toEqual(aRequest(1));
    expect(await store.transact((tx) => tx.nextSequence('requests'))).toBe(1);
  });

  it('resolves a transaction only after persisting has finished', async () => {
    const events: string[] = [];
    const store = new TransactionalStore(migratedData(), async () => {
      await new Promise((resolve) => setImmediate(resolve));
      events.push('persisted');
    });
    await store
      .transact((tx) => tx.collection('requests').insert(aRequest(1)))
      .then(() => events.push('resolved'));
    expect(events).toEqual(['persisted', 'resolved']);
  });
});
