import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import { defineStoreContract } from '../../unit/store/store-contract.js';
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
