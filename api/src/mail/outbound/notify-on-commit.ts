import type { CollectionName, Store } from '../../store/ports/store.js';

/**
 * The store, telling `onCommit` after a transaction that inserted into `watched` has committed: rules must run
 * after the change they react to is durable, and the services that make changes need not know rules exist.
 */
export function notifyOnCommit(store: Store, watched: CollectionName, onCommit: () => void): Store {
  return {
    read: (work) => store.read(work),
    close: () => store.close(),
    async transact(work) {
      let inserted = false;
      const result = await store.transact((tx) =>
        work({
          nextSequence: (name) => tx.nextSequence(name),
          collection(name) {
            const collection = tx.collection(name);
            if (name !== watched) return collection;
            return {
              get: (id) => collection.get(id),
              all: () => collection.all(),
              find: (predicate) => collection.find(predicate),
              findOne: (predicate) => collection.findOne(predicate),
              count: (predicate) => collection.count(predicate),
              put: (record) => collection.put(record),
              delete: (id) => collection.delete(id),
              insert: async (record) => {
                const stored = await collection.insert(record);
                inserted = true;
                return stored;
              },
            };
          },
        }),
      );
      if (inserted) onCommit();
      return result;
    },
  };
}
