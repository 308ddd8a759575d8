import type { Store, Transaction, TransactOptions } from '../ports/store.js';

// Store transactions are serialised and, with lowdb, each one rewrites the file: committing every email on its own
// would make the store the bottleneck of a backlog. Work submitted while a commit is running is committed together in
// the next one; each piece still commits all-or-nothing (its own ledger entry with its own note), and when a group
// fails, its pieces are committed one by one so a bad one cannot take the others down.

export type Work<R> = (tx: Transaction) => Promise<R>;

type Pending = { work: Work<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class GroupCommitter {
  private queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly maxGroup = 50,
    private readonly options: TransactOptions = {},
  ) {}

  commit<R>(work: Work<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        await this.commitGroup(group);
      }
    } finally {
      this.running = false;
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    if (group.length > 1) {
      try {
        const results = await this.store.transact(async (tx) => {
          const out: unknown[] = [];
          for (const pending of group) out.push(await pending.work(tx));
          return out;
        }, this.options);
        group.forEach((pending, index) => pending.resolve(results[index]));
        return;
      } catch {
        // One of them failed: find out which by committing each alone.
      }
    }
    for (const pending of group) {
      try {
        pending.resolve(await this.store.transact((tx) => pending.work(tx), this.options));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
