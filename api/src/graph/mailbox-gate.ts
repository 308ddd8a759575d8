// Outlook allows 4 concurrent requests per app and mailbox and answers a fifth with 429 MailboxConcurrency
// (docs/graph-behaviour.md §7.1, C13). Every client for a mailbox shares one gate, so the reader and the sender together stay
// under the limit. A Retry-After closes the gate for everyone: the other requests would only be throttled too.
// Waiters start in arrival order, one per freed slot (no stampede of woken callers re-checking).
// https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits

export class MailboxGate {
  private inFlight = 0;
  private readonly queue: Array<() => void> = [];
  private closedUntil = 0;
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free, no Retry-After is pending and earlier callers started. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.queue.push(() => resolve(this.releaser()));
      this.dispatch();
    });
  }

  /** The service asked every caller of this mailbox to wait. */
  pauseFor(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.closedUntil) return;
    this.closedUntil = until;
    this.dispatch();
  }

  /** How long the gate stays closed by a Retry-After (0 when open). */
  pausedForMs(): number {
    return Math.max(0, this.closedUntil - Date.now());
  }

  private releaser(): () => void {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.dispatch();
    };
  }

  private dispatch(): void {
    const paused = this.pausedForMs();
    if (paused > 0) {
      // (Re)armed on every check, so a timer that fires a hair early cannot leave the waiters stranded.
      clearTimeout(this.reopenTimer);
      this.reopenTimer = setTimeout(() => this.dispatch(), paused);
      this.reopenTimer.unref();
      return;
    }
    while (this.inFlight < this.limit) {
      const start = this.queue.shift();
      if (!start) return;
      start();
    }
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
