// Outlook allows 4 concurrent requests per app and mailbox and answers a fifth with 429 MailboxConcurrency
// (graph.md §7.1, C13). Every client for a mailbox shares one gate, so the reader and the sender together stay
// under the limit. A Retry-After closes the gate for everyone: the other requests would only be throttled too.
// https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits

export class MailboxGate {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private closedUntil = 0;
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free and no Retry-After is pending. */
  async acquire(slots = 1): Promise<() => void> {
    const wanted = Math.min(slots, this.limit);
    while (!this.canStart(wanted)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight += wanted;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= wanted;
      this.wakeAll();
    };
  }

  /** The service asked every caller of this mailbox to wait. */
  pauseFor(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.closedUntil) return;
    this.closedUntil = until;
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => this.wakeAll(), ms);
    this.reopenTimer.unref();
  }

  /** Milliseconds until the gate reopens (0 when open). */
  pausedForMs(): number {
    return Math.max(0, this.closedUntil - Date.now());
  }

  private canStart(slots: number): boolean {
    return this.pausedForMs() === 0 && this.inFlight + slots <= this.limit;
  }

  private wakeAll(): void {
    const waiting = this.waiting.splice(0);
    for (const wake of waiting) wake();
  }
}

const gates = new Map<string, MailboxGate>();

/** One gate per app, tenant and mailbox for the life of the process. */
export function mailboxGate(key: string, limit: number): MailboxGate {
  let gate = gates.get(key);
  if (!gate) {
    gate = new MailboxGate(limit);
    gates.set(key, gate);
  }
  return gate;
}
