import type { Coordination, Lease } from '../ports/coordination.js';

// Who may be handed a mailbox now (hand-over.ts). Backlogs are reported once a second, so two busy instances looking
// at the same moment see the same light instance and both hand it a mailbox; it then has the most, and hands them on
// again (in one bench run one instance ended holding six of ten mailboxes). So a giver first reserves its receiver,
// a lease `receiving:<id>`, and no other instance picks an instance reserved. The reservation lives while the giver's
// sync winds down (at most RESERVE_MS: a crashed giver's lapses), then SETTLE_MS after the mailbox lease is passed,
// long enough for the receiver to list the rest and say its new backlog.

const RESERVE_MS = 30_000;
const SETTLE_MS = 3_000;

/** The reservation of an instance as a receiver; with '' the prefix of them all. */
export const receivingLeaseName = (instanceId: string): string => `receiving:${instanceId}`;

export class HandOverReceivers {
  private readonly reserved = new Map<string, Lease>();

  constructor(
    private readonly coordination: Coordination,
    private readonly instanceId: string,
  ) {}

  /** Instances some giver has reserved now, this one's own reservations included. */
  async reservedNow(): Promise<Set<string>> {
    const prefix = receivingLeaseName('');
    const leases = await this.coordination.holders(prefix);
    return new Set(leases.map((l) => l.name.slice(prefix.length)));
  }

  /** Reserves `to` for a hand-over from this instance; false when another giver got there first. */
  async reserve(to: string): Promise<boolean> {
    const lease = await this.coordination.acquire(receivingLeaseName(to), this.instanceId, RESERVE_MS);
    if (lease) this.reserved.set(to, lease);
    return lease !== undefined;
  }

  /** The mailbox lease has gone to `to`: its reservation ends SETTLE_MS from now. */
  async settle(to: string): Promise<void> {
    const lease = this.reserved.get(to);
    this.reserved.delete(to);
    if (lease)
      await this.coordination
        .renew(lease.name, this.instanceId, lease.fence, SETTLE_MS)
        .catch(() => undefined);
  }
}
