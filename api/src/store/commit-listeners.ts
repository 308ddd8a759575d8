import type { CollectionName, CommitChange, RecordId } from '../ports/store.js';

/** The listeners of Store.onCommit. One that throws is not allowed to stop the others, nor the commit's caller. */
export class CommitListeners {
  readonly #listeners = new Set<(change: CommitChange) => void>();

  add(listener: (change: CommitChange) => void): () => void {
    const entry = (change: CommitChange) => listener(change);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  notify(change: CommitChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // The commit has happened; a listener's bug must not turn it into a failure for whoever committed.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/**
 * What one transaction attempt wrote, for its commit's change (ports/store.ts CommitChange). Every adapter records
 * its writes here, so all of them say the same thing about the same commit.
 */
export class ChangeRecorder {
  readonly #ids = new Map<CollectionName, Set<RecordId>>();
  readonly #requestIds = new Set<number>();

  /** `record` is what was written (or, for a delete, what was there), when the adapter has it. */
  wrote(name: CollectionName, id: RecordId, record?: unknown): void {
    this.#ids.set(name, (this.#ids.get(name) ?? new Set<RecordId>()).add(id));
    const requestId = name === 'requests' ? id : (record as { requestId?: unknown } | undefined)?.requestId;
    if (typeof requestId === 'number') this.#requestIds.add(requestId);
  }

  get isEmpty(): boolean {
    return this.#ids.size === 0;
  }

  change(): CommitChange {
    return {
      collections: Object.fromEntries([...this.#ids].map(([name, ids]) => [name, [...ids]])),
      requestIds: [...this.#requestIds],
    };
  }
}
