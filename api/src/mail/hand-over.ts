import type { MailCluster } from './mail-cluster.js';

// A busy instance gives part of its backlog to a less busy one mid-sync. A mailbox is synced by one instance at a time
// (its lease), so ten mailboxes on three instances split 4/3/3, and the instance with four works a third longer than
// the others, which then wait. Each second every instance says how many emails its syncs have not started yet (its
// backlog; while one of them is still listing, that it does not know yet), and one with two or more syncs looks at
// the live instance with the least: handing over a sync with r emails left narrows the gap between the two when r is
// at most half of it, and closes it at exactly half. So it reserves that instance (hand-over-receivers.ts: no other
// busy one hands it a mailbox at the same moment) and asks the largest such sync to stop taking new emails; once the
// emails it started are committed and their after-steps done, the sync passes the lease to the other instance and
// wakes it, and it lists the rest. Handing over a mailbox of equal backlogs never qualifies, so a mailbox does not go
// back and forth.

/**
 * What a running sync shares with the hand-over: when it started (ms since epoch), how much of its round is left
 * (undefined while it lists), and whom to give the rest to.
 */
export type HandOverSignal = { startedAt: number; remaining: number | undefined; to: string | undefined };

/** Below this many emails left a hand-over costs more (a new listing, a pause) than it saves. */
const MIN_REMAINING = 20;
/**
 * A sync younger than this stays where it is. At a backlog's start the instances begin their syncs a few seconds
 * apart, and one that has not begun says it has nothing: in the bench, mailboxes went to it after their first 32
 * emails and came back later. A mailbox just handed over is not handed on at once either.
 */
const MIN_AGE_MS = 5_000;
export const HAND_OVER_CHECK_MS = 1_000;

export class HandOver {
  private checking = false;

  constructor(
    private readonly cluster: MailCluster,
    private readonly runtimes: () => Iterable<{ handOver: HandOverSignal | undefined }>,
    private readonly now: () => number = Date.now,
  ) {}

  /** One look: says this instance's backlog, and hands at most one mailbox over, none while one is winding down. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const syncing = [...this.runtimes()].filter((r) => r.handOver !== undefined);
      // While a sync lists, this instance's backlog is not known: it says so, rather than a number too small.
      const listing = syncing.some((r) => r.handOver?.remaining === undefined);
      const backlog = syncing.reduce((sum, r) => sum + (r.handOver?.remaining ?? 0), 0);
      // Every time, not only when it changed: a heartbeat lease taken anew (after a pause) starts with no backlog.
      await this.cluster.reportBacklog(listing ? undefined : backlog);
      if (listing || syncing.length < 2 || syncing.some((r) => r.handOver?.to !== undefined)) return;
      const lightest = await this.cluster.lightestInstance();
      if (!lightest) return;
      const half = (backlog - lightest.backlog) / 2;
      const [best] = syncing
        .filter((r) => {
          const left = r.handOver?.remaining ?? 0;
          const age = this.now() - (r.handOver?.startedAt ?? 0);
          return left >= MIN_REMAINING && left <= half && age >= MIN_AGE_MS;
        })
        .sort((a, b) => (b.handOver?.remaining ?? 0) - (a.handOver?.remaining ?? 0));
      if (!best?.handOver || !(await this.cluster.receivers.reserve(lightest.id))) return;
      // Read again: the sync may have ended while the receiver was reserved.
      if (best.handOver) best.handOver.to = lightest.id;
      else await this.cluster.receivers.settle(lightest.id);
    } catch {
      // The database is unreachable: the syncs go on where they are, and the next look tries again.
    } finally {
      this.checking = false;
    }
  }
}
