import type { MailCluster } from './mail-cluster.js';

// A busy instance gives a mailbox's backlog to an idle one mid-sync. A mailbox is synced by one instance at a time
// (its lease), so ten mailboxes on three instances split 4/3/3 and, without this, the run lasts as long as the one with
// four: the others finish and wait. Each second, an instance syncing two or more mailboxes more than the lightest live
// instance asks the sync with the most left to stop taking new emails; once the emails it started are committed and
// their after-steps done, the sync gives the lease back and wakes the lighter instance, which lists what is left.

/** What a running sync shares with the hand-over: how much of its round is left, and whom to give the rest to. */
export type HandOverSignal = { remaining: number; to: string | undefined };

/** Below this many emails left a hand-over costs more (a new listing, a pause) than it saves. */
const MIN_REMAINING = 20;
export const HAND_OVER_CHECK_MS = 1_000;

export class HandOver {
  private checking = false;

  constructor(
    private readonly cluster: MailCluster,
    private readonly runtimes: () => Iterable<{ handOver: HandOverSignal | undefined }>,
  ) {}

  /** One look: hands at most one mailbox over, and none while an earlier one is still winding down. */
  async check(): Promise<void> {
    if (this.checking) return;
    const syncing = [...this.runtimes()].filter((r) => r.handOver !== undefined);
    if (syncing.length < 2 || syncing.some((r) => r.handOver?.to !== undefined)) return;
    const [busiest] = syncing
      .filter((r) => (r.handOver?.remaining ?? 0) >= MIN_REMAINING)
      .sort((a, b) => (b.handOver?.remaining ?? 0) - (a.handOver?.remaining ?? 0));
    if (!busiest?.handOver) return;
    this.checking = true;
    try {
      const to = await this.cluster.lighterInstance();
      // Read again: the sync may have ended while the cluster was asked.
      if (to !== undefined && busiest.handOver) busiest.handOver.to = to;
    } catch {
      // The database is unreachable: the syncs go on where they are, and the next look tries again.
    } finally {
      this.checking = false;
    }
  }
}
