import type { CommitChange } from '../ports/store.js';

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
