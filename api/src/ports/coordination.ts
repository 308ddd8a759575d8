// How the instances sharing one store agree who does what (docs/architecture.md §4, "Several instances"): a lease per
// name (one holder at a time, with a fence token that grows with every new holder), a wake sent to whoever holds a
// mailbox, and the Graph subscription its owner made, shared so any instance can check a notification.

export type Lease = {
  name: string;
  holder: string;
  /** Grows each time a new holder takes the lease: a write carrying an older fence comes from an ex-holder. */
  fence: number;
  expiresAt: string;
  /**
   * An instance's lease: the emails it last said it has waiting (reportBacklog); absent when it never said, or said it
   * does not know yet (a sync of its is still listing).
   */
  backlog?: number;
};

/** A lease as last written, expired or not. */
export type LeaseRecord = Lease & { released: boolean };

/** A mailbox's subscription as its owner made it; the clientState is sealed with the desk's secret key. */
export type SharedSubscription = {
  accountId: string;
  subscriptionId: string;
  clientStateSealed: string;
  expiresAt: string;
  notificationUrl: string;
  owner: string;
};

export type Wake = {
  accountId: string;
  to: string;
  /** A sync of the mailbox (absent), or a lifecycle report for the subscription `to` owns (create or renew it now). */
  about?: 'subscription';
};

export interface Coordination {
  /** True when every lease is granted locally (memory and lowdb: one instance only). */
  readonly local: boolean;
  /** Takes `name` when it is free, expired or already ours; undefined when another holder has it. */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Extends a lease we hold with this fence; undefined when it was lost (expired and taken). */
  renew(name: string, holder: string, fence: number, ttlMs: number): Promise<Lease | undefined>;
  release(name: string, holder: string, fence: number): Promise<void>;
  /**
   * Gives a lease we hold straight to `to`, with the next fence, for `ttlMs`: a hand-over, so no instance (this one
   * included) takes it between our release and `to`'s acquire. Undefined when it was no longer ours.
   */
  pass(name: string, holder: string, fence: number, to: string, ttlMs: number): Promise<Lease | undefined>;
  /** Gives back every lease `holder` has: an instance stopping lets the others take over at once. */
  releaseAll(holder: string): Promise<void>;
  /** The lease's row as last written (expired or released too); undefined when never taken. */
  lease(name: string): Promise<LeaseRecord | undefined>;
  /** Leases whose holder stopped renewing without giving them back (it died or froze), by name prefix. */
  lapsed(prefix: string): Promise<Lease[]>;
  /** Records on `name`, a lease `holder` has, how many emails it has waiting (undefined: not known yet), for the others to balance by. */
  reportBacklog(name: string, holder: string, backlog: number | undefined): Promise<void>;
  /** Leases not yet expired, optionally those whose name starts with `prefix`. */
  holders(prefix?: string): Promise<Lease[]>;
  /** Asks the instance `to` to sync an account (it holds the mailbox's lease), or to keep its subscription. */
  wake(wake: Wake): Promise<void>;
  onWake(listener: (wake: Wake) => void): () => void;
  /**
   * Publishes the subscription when its owner holds `lease` (live): false when it does not, because another instance
   * took the subscription over and the record is that one's to write. Fenced, so an old owner finishing a renewal
   * it began before losing the lease cannot name itself again over the new owner.
   */
  publishSubscription(subscription: SharedSubscription, lease: string): Promise<boolean>;
  subscriptions(): Promise<SharedSubscription[]>;
  /** Graph removed it (the row goes), or asked for it to be renewed (its expiry is moved to the past). */
  markSubscription(accountId: string, subscriptionId: string, change: 'removed' | 'renew-now'): Promise<void>;
  close(): Promise<void>;
}

/** The refusal a fenced write meets: this instance lost the lease while it worked. */
export class LeaseLostError extends Error {
  constructor(
    readonly lease: string,
    readonly fence: number,
    readonly current: number | undefined,
  ) {
    super(
      `This instance no longer holds lease ${lease} (its fence ${fence}, now ${current ?? 'none'}): the write is refused.`,
    );
    this.name = 'LeaseLostError';
  }
}
