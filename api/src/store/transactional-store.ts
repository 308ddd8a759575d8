import { AsyncLocalStorage } from 'node:async_hooks';
import { readCollection, writeCollection, type ScopeGuard } from './collection-views.js';
import { CommitListeners } from './commit-listeners.js';
import type {
  Collection,
  Collections,
  CommitChange,
  ReadCollection,
  ReadTransaction,
  Store,
  StoreHealth,
  Transaction,
} from '../ports/store.js';
import type { StoreData } from './store-data.js';
import { dataFromState, stateFromData, type StoreState } from './store-state.js';
import { WorkingSet } from './working-set.js';

/** Makes a commit durable; the commit counts only once this resolves. */
export type Persist = (data: StoreData) => Promise<void>;

type Scope = { kind: 'read' | 'transaction'; isOpen: boolean };

/**
 * The engine both adapters share; they differ only in `persist`. Transactions queue on a promise chain
 * and run one at a time; each writes into its own WorkingSet, which becomes the committed state only
 * after `persist` has resolved. Reads take the committed state as it is when they start.
 */
export class TransactionalStore implements Store {
  #state: StoreState;
  readonly #persist: Persist;
  readonly #health: () => Promise<StoreHealth>;
  readonly #listeners = new CommitListeners();
  #queue: Promise<unknown> = Promise.resolve();
  #isClosed = false;
  // Which transaction the current async context runs in, so a nested transact fails at once instead of
  // waiting forever for the transaction that called it.
  readonly #currentTransaction = new AsyncLocalStorage<Scope>();

  /** `data` must be migrated to the current schema version. */
  constructor(
    data: StoreData,
    persist: Persist,
    health: () => Promise<StoreHealth> = async () => ({ ok: true, detail: 'in memory' }),
  ) {
    this.#state = stateFromData(data);
    this.#persist = persist;
    this.#health = health;
  }

  async read<R>(work: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    this.#assertOpen();
    const snapshot = this.#state;
    const scope: Scope = { kind: 'read', isOpen: true };
    const guard = guardFor(scope);
    const tx: ReadTransaction = {
      collection: <K extends keyof Collections>(name: K) => {
        guard();
        const table = snapshot.tables.get(name);
        if (!table) throw new Error(`Unknown collection "${name}".`);
        return readCollection(name, () => table, guard) as unknown as ReadCollection<K>;
      },
    };
    try {
      return await work(tx);
    } finally {
      scope.isOpen = false;
    }
  }

  async transact<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    this.#assertOpen();
    if (this.#currentTransaction.getStore()?.isOpen) {
      throw new Error(
        'Store.transact was called inside another transaction, which would wait for itself forever; pass the outer transaction down instead.',
      );
    }
    const run = this.#queue.then(() => this.#run(work));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  onCommit(listener: (change: CommitChange) => void): () => void {
    return this.#listeners.add(listener);
  }

  async health(): Promise<StoreHealth> {
    return this.#health();
  }

  async close(): Promise<void> {
    this.#isClosed = true;
    await this.#queue;
  }

  async #run<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    const working = new WorkingSet(this.#state);
    const scope: Scope = { kind: 'transaction', isOpen: true };
    const guard = guardFor(scope);
    const tx: Transaction = {
      collection: <K extends keyof Collections>(name: K) => {
        guard();
        working.table(name); // an unknown name fails here rather than at first use
        return writeCollection(name, working, guard) as unknown as Collection<K>;
      },
      async nextSequence(name) {
        guard();
        return working.nextSequence(name);
      },
    };
    let result: R;
    try {
      result = await this.#currentTransaction.run(scope, () => work(tx));
    } finally {
      scope.isOpen = false;
    }
    if (working.hasChanges) {
      const next = working.result();
      await this.#persist(dataFromState(next));
      this.#state = next;
      this.#listeners.notify(working.change());
    }
    return result;
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new Error('The store is closed.');
  }
}

function guardFor(scope: Scope): ScopeGuard {
  return () => {
    if (!scope.isOpen) {
      throw new Error(
        `This ${scope.kind} has ended; use its collections only inside the function given to Store.${scope.kind === 'read' ? 'read' : 'transact'}.`,
      );
    }
  };
}
