import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import { aRequest, defineStoreContract } from '../../unit/store/store-contract.js';
import { defineStoreQueryContract } from '../../unit/store/store-query-contract.js';

// Each test gets an empty database: the tables are emptied (not dropped) between tests, which is much faster than a
// database per test and still starts every test from nothing.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('store_contract');
});
afterAll(() => database.drop());

const openEmpty = () => openEmptyPostgresStore(database.url);
defineStoreContract('postgres', openEmpty, { concurrentTransactions: true, sequencesMayGap: true });
defineStoreQueryContract('postgres', openEmpty);

// pg 8 queues a query sent while its client is busy and warns that pg 9 will throw instead. A transaction holds one
// client, so a caller starting several queries at once (Promise.all over a collection) must not reach pg in parallel.
describe('PostgreSQL: queries started together inside one transaction', () => {
  it('run one after another on its client: right answers, no pg deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    const store = await openEmpty();
    try {
      const ids = Array.from({ length: 12 }, (_, i) => i + 1);
      await store.transact((tx) =>
        Promise.all(ids.map((id) => tx.collection('requests').insert(aRequest(id)))),
      );
      const titles = await store.transact((tx) =>
        Promise.all(ids.map(async (id) => (await tx.collection('requests').get(id))?.title)),
      );
      const counts = await store.read((tx) => Promise.all(ids.map(() => tx.collection('requests').count())));
      expect(titles).toEqual(ids.map((id) => aRequest(id).title));
      expect(counts).toEqual(ids.map(() => 12));
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await store.close();
    }
  });
});
