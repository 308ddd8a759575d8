import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../../api/src/ports/store.js';
import { defineRecordRules } from './store-contract-records.js';
import { defineRowLockRules } from './store-contract-row-locks.js';
import { defineTransactionRules } from './store-contract-transactions.js';

export { aRequest } from './store-fixtures.js';

/** How an adapter may differ where the port leaves room: PostgreSQL runs transactions side by side, and its sequences never roll back. */
export type ContractOptions = { concurrentTransactions?: boolean; sequencesMayGap?: boolean };

/** The behaviour every Store adapter promises; each adapter's test file runs it with its own factory. */
export function defineStoreContract(
  adapter: string,
  openStore: () => Promise<Store>,
  options: ContractOptions = {},
): void {
  describe(`Store contract: ${adapter}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    defineRecordRules(() => store);
    defineTransactionRules(
      () => store,
      async () => (store = await openStore()),
      options,
    );
    defineRowLockRules(() => store, options);
  });
}
