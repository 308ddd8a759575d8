import type { Logger } from 'pino';
import type { Coordination, Lease } from '../ports/coordination.js';

// Holds a lease while some work runs: taken before, renewed every third of its time to live, released after (or
// passed straight to the instance the work handed itself over to). When a renewal finds the lease gone (this process
// was frozen or cut off past it), the work carries on only until its next write, which the fence check refuses
// (fenced-writes.ts).

export type Held<R> = { held: true; value: R } | { held: false; holder: Lease | undefined };

export class LeaseKeeper {
  constructor(
    private readonly coordination: Coordination,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly logger: Logger,
  ) {}

  async holderOf(name: string): Promise<Lease | undefined> {
    return (await this.coordination.holders(name)).find((l) => l.name === name);
  }

  /**
   * Runs `work` with a lease just taken, renewing it meanwhile and giving it back after; to the instance `passTo` names
   * from the work's result, if any. Released instead, the lease would be free for a moment, and a sync this instance
   * had queued meanwhile would take the mailbox straight back from the instance it was handed to.
   */
  async hold<R>(
    lease: Lease,
    work: (lease: Lease) => Promise<R>,
    passTo?: (result: R) => string | undefined,
  ): Promise<R> {
    const { name } = lease;
    let lost = false;
    const timer = setInterval(() => {
      void this.coordination.renew(name, this.holder, lease.fence, this.ttlMs).then(
        (renewed) => {
          if (renewed || lost) return;
          lost = true;
          this.logger.warn(
            { lease: name, fence: lease.fence },
            'lease lost while working: its writes are refused from now on',
          );
        },
        // A renewal that fails (database unreachable) is tried again at the next tick; the lease may lapse meanwhile.
        (error: unknown) => this.logger.warn({ err: error, lease: name }, 'lease renewal failed'),
      );
    }, leaseTickMs(this.ttlMs));
    timer.unref();
    let to: string | undefined;
    try {
      const result = await work(lease);
      to = passTo?.(result);
      return result;
    } finally {
      clearInterval(timer);
      if (!lost) await this.giveBack(lease, to);
    }
  }

  private async giveBack(lease: Lease, to: string | undefined): Promise<void> {
    const { name, fence } = lease;
    // Should the pass fail, a plain release still lets the other instance (or any) take the lease at once.
    const passed = to
      ? await this.coordination.pass(name, this.holder, fence, to, this.ttlMs).catch(() => undefined)
      : undefined;
    if (!passed) await this.coordination.release(name, this.holder, fence).catch(() => undefined);
  }
}

/**
 * How often a lease's holder renews it and the others look for lapsed ones: three times per lease, so one missed
 * tick does not lose it, and a dead holder is seen within a third of a lease after it lapses.
 */
export const leaseTickMs = (ttlMs: number): number => Math.max(200, Math.floor(ttlMs / 3));

export const mailboxLeaseName = (accountId: string): string => `mailbox:${accountId}`;
export const subscriptionLeaseName = (accountId: string): string => `subscription:${accountId}`;
/** An instance's heartbeat lease, which also carries its backlog (hand-over.ts); with '' the prefix of them all. */
export const instanceLeaseName = (instanceId: string): string => `instance:${instanceId}`;
