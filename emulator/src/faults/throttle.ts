export type ThrottleVerdict = { ok: true; release: () => void } | { ok: false; message: string };

const TEN_MINUTES = 10 * 60_000;
const FIVE_MINUTES = 5 * 60_000;

/**
 * Outlook's limits per app and mailbox (docs/graph-behaviour.md §7.1): concurrent requests, requests per 10 minutes and
 * upload bytes per 5 minutes. Over a limit, Graph answers 429 ApplicationThrottled.
 */
export class Throttle {
  private readonly inFlight = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();
  private readonly uploads = new Map<string, Array<[at: number, bytes: number]>>();

  acquire(
    appId: string,
    mailbox: string,
    limits: { maxConcurrent: number; requestsPer10Min: number },
  ): ThrottleVerdict {
    const key = `${appId}|${mailbox}`;
    const now = Date.now();
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - TEN_MINUTES);
    this.recent.set(key, times);
    if (times.length >= limits.requestsPer10Min)
      return { ok: false, message: 'Application is over its MailboxRequest limit.' };
    const running = this.inFlight.get(key) ?? 0;
    if (running >= limits.maxConcurrent)
      return { ok: false, message: 'Application is over its MailboxConcurrency limit.' };
    times.push(now);
    this.inFlight.set(key, running + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
      },
    };
  }

  /** Charges uploaded bytes; false when the 150 MB / 5 min budget is spent. */
  chargeUpload(appId: string, mailbox: string, bytes: number, budget: number): boolean {
    const key = `${appId}|${mailbox}`;
    const now = Date.now();
    const entries = (this.uploads.get(key) ?? []).filter(([at]) => at > now - FIVE_MINUTES);
    const used = entries.reduce((sum, [, b]) => sum + b, 0);
    if (used + bytes > budget) {
      this.uploads.set(key, entries);
      return false;
    }
    entries.push([now, bytes]);
    this.uploads.set(key, entries);
    return true;
  }

  /** Requests currently counted against the concurrency limit, per app|mailbox. */
  inFlightNow(): Record<string, number> {
    return Object.fromEntries([...this.inFlight].filter(([, n]) => n > 0));
  }

  reset(): void {
    this.recent.clear();
    this.uploads.clear();
  }
}
