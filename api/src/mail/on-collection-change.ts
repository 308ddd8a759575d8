import type { CollectionName, Store } from '../store/ports/store.js';

/**
 * The store, calling `onChange` after a transaction that wrote to `watched` has committed: the engine picks up a new
 * or changed mail account (and creates its subscription) without the account services knowing the engine exists.
 */
export function onCollectionChange(store: Store, watched: CollectionName, onChange: () => void): Store {
  return {
    read: (work) => store.read(work),
    close: () => store.close(),
    async transact(work) {
      let changed = false;
      const result = await store.transact((tx) =>
        work({
          nextSequence: (name) => tx.nextSequence(name),
          collection(name) {
            const collection = tx.collection(name);
            if (name !== watched) return collection;
            const mark = <T>(value: T): T => {
              changed = true;
              return value;
            };
            return {
              get: (id) => collection.get(id),
              all: () => collection.all(),
              find: (predicate) => collection.find(predicate),
              findOne: (predicate) => collection.findOne(predicate),
              count: (predicate) => collection.count(predicate),
              insert: async (record) => mark(await collection.insert(record)),
              put: async (record) => mark(await collection.put(record)),
              delete: async (id) => mark(await collection.delete(id)),
            };
          },
        }),
      );
      if (changed) onChange();
      return result;
    },
  };
}
