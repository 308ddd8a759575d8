import type { CollectionName, Store, Transaction } from '../store/ports/store.js';

/** What one committed transaction changed: the collections written, and the SRs their records belong to. */
export type Change = { collections: CollectionName[]; requestIds: number[] };

export interface ChangeFeed {
  /** Calls `listener` after each commit that wrote something; returns the unsubscribe. */
  subscribe(listener: (change: Change) => void): () => void;
}

/**
 * The store, announcing each committed transaction's changes to subscribers (the live screens' event stream). A
 * rolled-back transaction announces nothing. This decorator stands in for a store-level commit hook: swapping it
 * for one changes this file only.
 */
export function withChangeFeed(store: Store): { store: Store; feed: ChangeFeed } {
  const listeners = new Set<(change: Change) => void>();
  const feed: ChangeFeed = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const watched: Store = {
    read: (work) => store.read(work),
    close: () => store.close(),
    async transact(work) {
      const collections = new Set<CollectionName>();
      const requestIds = new Set<number>();
      const result = await store.transact((tx) => work(tracking(tx, collections, requestIds)));
      if (collections.size === 0) return result;
      const change: Change = { collections: [...collections], requestIds: [...requestIds] };
      // A listener's failure (a closed socket) must not fail the commit that already happened.
      for (const listener of listeners) {
        try {
          listener(change);
        } catch {
          listeners.delete(listener);
        }
      }
      return result;
    },
  };
  return { store: watched, feed };
}

function tracking(tx: Transaction, collections: Set<CollectionName>, requestIds: Set<number>): Transaction {
  const noteRequest = (name: CollectionName, record: object) => {
    collections.add(name);
    const id = name === 'requests' ? (record as { id?: unknown }).id : (record as { requestId?: unknown }).requestId;
    if (typeof id === 'number') requestIds.add(id);
  };
  return {
    nextSequence: (name) => tx.nextSequence(name),
    collection(name) {
      const collection = tx.collection(name);
      return {
        get: (id) => collection.get(id),
        all: () => collection.all(),
        find: (predicate) => collection.find(predicate),
        findOne: (predicate) => collection.findOne(predicate),
        count: (predicate) => collection.count(predicate),
        insert: async (record) => {
          const stored = await collection.insert(record);
          noteRequest(name, stored);
          return stored;
        },
        put: async (record) => {
          const stored = await collection.put(record);
          noteRequest(name, stored);
          return stored;
        },
        delete: async (id) => {
          const deleted = await collection.delete(id);
          if (deleted) collections.add(name);
          return deleted;
        },
      };
    },
  };
}
