import { LeaseLostError } from '../ports/coordination.js';
import type { Store, Transaction } from '../ports/store.js';
import type { Work } from './group-committer.js';

// A mailbox sync writes only while it holds the mailbox's lease: every transaction it makes first checks, inside
// itself, that the lease's fence is still the one the sync was given. An instance frozen past its lease and woken
// after another took over is refused there, before it writes anything (docs/architecture.md §4, "Several instances").

export type Committer = { commit<R>(work: Work<R>): Promise<R> };
export type Fence = { lease: string; fence: number };

export async function checkFence(tx: Transaction, fence: Fence): Promise<void> {
  // Stores without the check (memory, lowdb) serve one instance, where the lease cannot pass to another.
  if (!tx.leaseFence) return;
  const current = await tx.leaseFence(fence.lease);
  if (current !== fence.fence) throw new LeaseLostError(fence.lease, fence.fence, current);
}

export function fencedCommitter(committer: Committer, fence: Fence): Committer {
  return { commit: (work) => committer.commit(async (tx) => (await checkFence(tx, fence), work(tx))) };
}

export function fencedStore(store: Store, fence: Fence): Store {
  return {
    read: (work) => store.read(work),
    transact: (work, options) =>
      store.transact(async (tx) => (await checkFence(tx, fence), work(tx)), options),
    onCommit: (listener) => store.onCommit(listener),
    health: () => store.health(),
    close: () => store.close(),
  };
}
