import { migrate } from './migrations.js';
import type { Collections, Store } from '../ports/store.js';
import { newStoreData } from './store-data.js';
import { TransactionalStore } from './transactional-store.js';

/** Records to start with, for tests; sequences continue from the given values. */
export type MemoryStoreContent = {
  collections?: { [K in keyof Collections]?: Collections[K][] };
  sequences?: Record<string, number>;
};

/** The same engine as the lowdb store, kept in memory only: for tests. */
export function createMemoryStore(initial: MemoryStoreContent = {}): Store {
  const data = newStoreData();
  migrate(data);
  Object.assign(data.collections, initial.collections);
  Object.assign(data.sequences, initial.sequences);
  return new TransactionalStore(data, async () => {});
}
