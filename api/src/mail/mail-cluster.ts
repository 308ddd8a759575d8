import type { Logger } from 'pino';
import type { SecretBox } from '../domain/secret-box.js';
import type { Coordination, Lease } from '../ports/coordination.js';
import { HandOverReceivers } from './hand-over-receivers.js';
import {
  instanceLeaseName,
  LeaseKeeper,
  mailboxLeaseName,
  subscriptionLeaseName,
  type Held,
} from './mailbox-lease.js';
import type { ClusterView } from '../ports/mail-engine.js';

// The engine's view of the other instances sharing its database (docs/architecture.md §4, "Several instances"): one
// sync per mailbox at a time (a lease), wakes forwarded to the instance syncing, one owner per Graph subscription,
// and that subscription shared so whichever instance a notification reaches can check its clientState.

export type ClusterOptions = {
  coordination: Coordination;
  instanceId: string;
  /** A mailbox lease lives this long unless renewed: a crashed holder is replaced within twice this. */
  leaseTtlMs: number;
  /** The subscription owner renews its lease at every sweep: a few sweeps long. */
  subscriptionTtlMs: number;
  secrets: Pick<SecretBox, 'seal' | 'open'>;
  logger: Logger;
};

export type KnownSubscription = {
  id: string;
  expiresAt: string;
  clientState: string;
  notificationUrl: string;
  owner: string;
};

export class MailCluster {
  readonly leases: LeaseKeeper;
  /** Whom a hand-over may go to now (hand-over-receivers.ts). */
  readonly receivers: HandOverReceivers;
  private deciding: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ClusterOptions) {
    this.leases = new LeaseKeeper(
      options.coordination,
      options.instanceId,
      options.leaseTtlMs,
      options.logger,
    );
    this.receivers = new HandOverReceivers(options.coordination, options.instanceId);
  }

  get instanceId(): string {
    return this.options.instanceId;
  }

  get isLocal(): boolean {
    return this.options.coordination.local;
  }

  /**
   * Runs a sync of the account holding its mailbox lease, or says who holds it, or (with `mailboxes` to share out)
   * hands the mailbox to a live instance syncing fewer (handOff). A sync that ends handing itself over
   * (`handedOverTo`) passes the lease straight to that instance. Decisions are taken one at a time, so a burst of
   * triggers does not see the same count.
   */
  async syncHolding<R extends { handedOverTo?: string }>(
    accountId: string,
    mailboxes: number | undefined,
    work: (lease: Lease) => Promise<R>,
  ): Promise<Held<R> | { held: false; handedTo: string }> {
    const name = mailboxLeaseName(accountId);
    const decision = this.deciding.then(async () => {
      const to =
        mailboxes === undefined || this.isLocal
          ? undefined
          : await this.handOff(name, mailboxes).catch(() => undefined);
      if (to) return { to, lease: undefined };
      return {
        to: undefined,
        lease: await this.options.coordination.acquire(
          name,
          this.options.instanceId,
          this.options.leaseTtlMs,
        ),
      };
    });
    this.deciding = decision.catch(() => undefined);
    const decided = await decision;
    if (decided.to !== undefined) return { held: false, handedTo: decided.to };
    if (!decided.lease) return { held: false, holder: await this.leases.holderOf(name) };
    const value = await this.leases.hold(decided.lease, work, (r) => r.handedOverTo);
    if (value.handedOverTo) await this.receivers.settle(value.handedOverTo);
    return { held: true, value };
  }

  /** Asks another instance to sync the account (it holds the lease, or was handed the mailbox). */
  forward(accountId: string, to: string): Promise<void> {
    return this.options.coordination.wake({ accountId, to });
  }

  /** Says this instance is alive, so the others count it when they share the mailboxes out. */
  async heartbeat(): Promise<void> {
    await this.options.coordination.acquire(
      instanceLeaseName(this.options.instanceId),
      this.options.instanceId,
      this.options.leaseTtlMs,
    );
  }

  /** Tells the other instances how many emails this one has waiting, or that it does not know yet (hand-over.ts). */
  async reportBacklog(emails: number | undefined): Promise<void> {
    const { coordination, instanceId } = this.options;
    await coordination.reportBacklog(instanceLeaseName(instanceId), instanceId, emails);
  }

  /**
   * The other live instance with the fewest emails waiting, as each last said; undefined when there is none. One that
   * has not said, or is still listing what it has, is not counted: at a backlog's start it says 0 until its listings
   * return, and handing it work then only piles more on it. Nor is one reserved for another hand-over
   * (hand-over-receivers.ts).
   */
  async lightestInstance(): Promise<{ id: string; backlog: number } | undefined> {
    const [live, reserved] = await Promise.all([
      this.options.coordination.holders(instanceLeaseName('')),
      this.receivers.reservedNow(),
    ]);
    const [lightest] = live
      .flatMap((l) =>
        l.holder === this.options.instanceId || l.backlog === undefined || reserved.has(l.holder)
          ? []
          : [{ id: l.holder, backlog: l.backlog }],
      )
      .sort((x, y) => x.backlog - y.backlog);
    return lightest;
  }

  /**
   * Whom to give a mailbox about to be synced: up to an even share (rounded down) an instance keeps what comes; past it,
   * the live instance syncing the fewest, when that is fewer than this one. So ten mailboxes on three instances split
   * 4/3/3, where "keep up to the share rounded up" let two instances race to four and left the third with two. Each
   * step goes to a strictly lighter instance, so a mailbox is not passed round in a circle. A mailbox whose lease this
   * instance already has (passed to it by a hand-over) is its own to sync.
   */
  private async handOff(name: string, mailboxes: number): Promise<string | undefined> {
    const me = this.options.instanceId;
    const [live, syncing] = await Promise.all([
      this.options.coordination.holders(instanceLeaseName('')),
      this.options.coordination.holders(mailboxLeaseName('')),
    ]);
    if (syncing.some((l) => l.name === name && l.holder === me)) return undefined;
    const load = new Map(live.map((l) => [l.holder, 0]));
    for (const l of syncing) if (load.has(l.holder)) load.set(l.holder, (load.get(l.holder) ?? 0) + 1);
    const mine = load.get(me);
    if (load.size <= 1 || mine === undefined || mine < Math.floor(mailboxes / load.size)) return undefined;
    const [lightest] = [...load].filter(([id, n]) => id !== me && n < mine).sort((a, b) => a[1] - b[1]);
    return lightest?.[0];
  }

  /** Accounts whose mailbox lease lapsed: its holder died or froze mid-sync, and its work is left to finish. */
  async orphaned(): Promise<string[]> {
    const prefix = mailboxLeaseName('');
    return (await this.options.coordination.lapsed(prefix)).map((l) => l.name.slice(prefix.length));
  }

  /** On a clean stop: the other instances take this one's mailboxes and subscriptions over at once. */
  releaseAll(): Promise<void> {
    return this.options.coordination.releaseAll(this.options.instanceId);
  }

  /**
   * Syncs other instances ask of this one, and (`subscription`) lifecycle reports another instance received for a
   * subscription this one owns (reportLifecycle).
   */
  onWake(sync: (accountId: string) => void, subscription?: (accountId: string) => void): () => void {
    return this.options.coordination.onWake((wake) => {
      if (wake.to !== this.options.instanceId) return;
      if (wake.about === 'subscription') subscription?.(wake.accountId);
      else sync(wake.accountId);
    });
  }

  /** Takes or keeps the subscription lease: only its holder creates and renews the account's Graph subscription. */
  async ownsSubscription(accountId: string): Promise<boolean> {
    return (
      (await this.options.coordination.acquire(
        subscriptionLeaseName(accountId),
        this.options.instanceId,
        this.options.subscriptionTtlMs,
      )) !== undefined
    );
  }

  /** Publishes the subscription as this instance's; false when this instance no longer holds its lease. */
  publish(accountId: string, subscription: Omit<KnownSubscription, 'owner'>): Promise<boolean> {
    return this.options.coordination.publishSubscription(
      {
        accountId,
        subscriptionId: subscription.id,
        clientStateSealed: JSON.stringify(this.options.secrets.seal(subscription.clientState)),
        expiresAt: subscription.expiresAt,
        notificationUrl: subscription.notificationUrl,
        owner: this.options.instanceId,
      },
      subscriptionLeaseName(accountId),
    );
  }

  /**
   * Graph removed the subscription, or wants it renewed now: what its owner must hear, wherever it runs. The shared
   * record says so (read at the owner's next create-or-renew), and the owner is woken to act on it now, as a change
   * notification is forwarded to the instance syncing, rather than at its next sweep.
   */
  async reportLifecycle(
    accountId: string,
    subscriptionId: string,
    event: 'subscriptionRemoved' | 'reauthorizationRequired',
  ): Promise<void> {
    const { coordination, instanceId } = this.options;
    await coordination.markSubscription(
      accountId,
      subscriptionId,
      event === 'subscriptionRemoved' ? 'removed' : 'renew-now',
    );
    const name = subscriptionLeaseName(accountId);
    const owner = (await coordination.holders(name)).find((l) => l.name === name)?.holder;
    if (owner && owner !== instanceId)
      await coordination.wake({ accountId, to: owner, about: 'subscription' });
  }

  /** Every mailbox's subscription as its owner published it, clientState opened. */
  async shared(): Promise<Map<string, KnownSubscription>> {
    const found = new Map<string, KnownSubscription>();
    for (const s of await this.options.coordination.subscriptions()) {
      try {
        const clientState = this.options.secrets.open(
          JSON.parse(s.clientStateSealed) as Parameters<SecretBox['open']>[0],
        );
        found.set(s.accountId, {
          id: s.subscriptionId,
          expiresAt: s.expiresAt,
          clientState,
          notificationUrl: s.notificationUrl,
          owner: s.owner,
        });
      } catch (error) {
        // Sealed with another key: the instances do not share SECRET_KEY (a setting that must be equal on all).
        this.options.logger.error(
          { err: error, accountId: s.accountId },
          'a shared subscription cannot be opened: is SECRET_KEY the same on every instance?',
        );
      }
    }
    return found;
  }

  async view(accountId: string): Promise<ClusterView> {
    const [sync, subscription] = await Promise.all([
      this.options.coordination.holders(mailboxLeaseName(accountId)),
      this.options.coordination.holders(subscriptionLeaseName(accountId)),
    ]);
    const syncHolder = sync.find((l) => l.name === mailboxLeaseName(accountId))?.holder;
    const subscriptionOwner = subscription.find((l) => l.name === subscriptionLeaseName(accountId))?.holder;
    return {
      instance: this.options.instanceId,
      ...(syncHolder ? { syncHolder } : {}),
      ...(subscriptionOwner ? { subscriptionOwner } : {}),
    };
  }

  /** For /api/health: the leases this instance holds now. */
  async held(): Promise<{
    id: string;
    leases: Array<{ name: string; accountId?: string; fence: number; expiresAt: string }>;
  }> {
    const mine = (await this.options.coordination.holders()).filter(
      (l) => l.holder === this.options.instanceId,
    );
    return {
      id: this.options.instanceId,
      leases: mine.map((l) => ({
        name: l.name,
        ...(l.name.startsWith(mailboxLeaseName(''))
          ? { accountId: l.name.slice(mailboxLeaseName('').length) }
          : {}),
        fence: l.fence,
        expiresAt: l.expiresAt,
      })),
    };
  }
}
