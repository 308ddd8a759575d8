// The loop guard's count (docs/architecture.md §4): how many messages each sender sent this instance's mailboxes in
// the last hour. Kept in memory per instance; a restart forgets it, which only delays the guard by an hour at most.

const HOUR = 60 * 60_000;

export class SenderRate {
  private readonly senders = new Map<string, number[]>();

  /** Counts a message from `address` now; returns how many came from it in the hour before. */
  count(address: string): number {
    const key = address.toLowerCase();
    const now = Date.now();
    const recent = (this.senders.get(key) ?? []).filter((t) => t > now - HOUR);
    const count = recent.length;
    recent.push(now);
    this.senders.set(key, recent);
    return count;
  }
}
