import type { Logger } from 'pino';
import type { Coordination, Lease } from '../ports/coordination.js';

// Holds a lease while some work runs: taken before, renewed every third of its time to live, released after. When
// a renewal finds the lease gone (this process was frozen or cut off past it), the work carries on only until its
// next write, which the fence check refuses (fenced-writes.ts).

export type Held<R> = { held: true; value: R } | { held: false; holder: Lease | undefined };

export class LeaseKeeper {
  constructor(
    private readonly coordination: Coordination,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly logger: Logger,
  ) {}

  async withLease<R>(name: string, work: (lease: Lease) => Promise<R>): Promise<Held<R>> {
    const lease = await this.coordination.acquire(name, this.holder, this.ttlMs);
    if (!lease) return { held: false, holder: await this.holderOf(name) };
    return { held: true, value: await this.hold(lease, work) };
  }

  async holderOf(name: string): Promise<Lease | undefined> {
    return (await this.coordination.holders(name)).find((l) => l.name === name);
  }

  /** Runs `work` with a lease just taken, renewing it meanwhile and giving it back after. */
  async hold<R>(lease: Lease, work: (lease: Lease) => Promise<R>): Promise<R> {
    const { name } = lease;
    let lost = false;
    const timer = setInterval(
      () => {
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
      },
      Math.max(200, Math.floor(this.ttlMs / 3)),
    );
    timer.unref();
    try {
      return await work(lease);
    } finally {
      clearInterval(timer);
      if (!lost) await this.coordination.release(name, this.holder, lease.fence).catch(() => undefined);
    }
  }
}

export const mailboxLeaseName = (accountId: string): string => `mailbox:${accountId}`;
export const subscriptionLeaseName = (accountId: string): string => `subscription:${accountId}`;
