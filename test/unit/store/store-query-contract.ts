import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../../api/src/ports/store.js';
import { defineMailQueries } from './store-query-contract-mail.js';
import { defineRequestQueries } from './store-query-contract-requests.js';

/** The named queries and commit notices every Store adapter answers alike; each adapter's test file runs it. */
export function defineStoreQueryContract(adapter: string, openStore: () => Promise<Store>): void {
  describe(`Store queries: ${adapter}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    defineRequestQueries(() => store);
    defineMailQueries(() => store);
  });
}
