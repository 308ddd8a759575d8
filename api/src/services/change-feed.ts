import type { CollectionName, Store, Transaction, TransactOptions } from '../ports/store.js';

/** What one committed transaction changed: the collections written, and the SRs their records belong to. */
export type Change = { collections: CollectionName[]; requestIds: number[] };

export interface ChangeFeed {
  /** Calls `listener` after each commit that wrote something; returns the unsubscribe. */
  subscribe(listener: (change: Change) => void): () => void;
}

/**
 * The store, announcing each committed transaction's changes (with the SRs they touch) to the live screens' event
 * stream. The store's own onCommit names records by id; a note's id does not say which SR it belongs to, so this
 * decorator watches the writes themselves. It hears this instance's commits only: several instances behind a load
 * balancer each stream their own (the cluster issue carries the SR ids in the store's change notices).
 */
export function withChangeFeed(store: Store): { store: Store; feed: ChangeFeed } {
  const listeners = new Set<(change: Change) => void>();
  const feed: ChangeFeed = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const announce = (change: Change) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure (a closed socket) must not fail the commit that already happened.
        listeners.delete(listener);
      }
    }
  };
  const watched = new Proxy(store, {
    get(target, property) {
      if (property !== 'transact') return bound(target, property);
      return async <R>(work: (tx: Transaction) => Promise<R>, options?: TransactOptions): Promise<R> => {
        // A store may run `work` again after a conflict (PostgreSQL): only the attempt that commits counts.
        let collections = new Set<CollectionName>();
        let requestIds = new Set<number>();
        const result = await target.transact((tx) => {
          collections = new Set();
          requestIds = new Set();
          return work(tracking(tx, collections, requestIds));
        }, options);
        if (collections.size > 0) announce({ collections: [...collections], requestIds: [...requestIds] });
        return result;
      };
    },
  });
  return { store: watched, feed };
}

const WRITES = new Set<PropertyKey>(['insert', 'put', 'delete']);

/** A property of the wrapped object, methods bound to it: adapters keep state in private (#) fields a proxy cannot reach. */
function bound(target: object, property: PropertyKey): unknown {
  const value = Reflect.get(target, property) as unknown;
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

function tracking(tx: Transaction, collections: Set<CollectionName>, requestIds: Set<number>): Transaction {
  const noteRequest = (name: CollectionName, record: unknown) => {
    collections.add(name);
    const fields = (record ?? {}) as { id?: unknown; requestId?: unknown };
    const id = name === 'requests' ? fields.id : fields.requestId;
    if (typeof id === 'number') requestIds.add(id);
  };
  return new Proxy(tx, {
    get(target, property) {
      if (property !== 'collection') return bound(target, property);
      return (name: CollectionName) => {
        const collection = target.collection(name);
        return new Proxy(collection, {
          get(inner, method) {
            const value = bound(inner, method);
            if (!WRITES.has(method) || typeof value !== 'function') return value;
            return async (argument: unknown) => {
              const result: unknown = await (value as (a: unknown) => Promise<unknown>)(argument);
              if (method === 'delete') {
                if (result) collections.add(name);
              } else noteRequest(name, result);
              return result;
            };
          },
        });
      };
    },
  });
}
