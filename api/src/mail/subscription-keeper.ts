import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { isGraphError } from '../ports/graph-error.js';
import type { AccountRuntime } from './account-runtime.js';
import { explainError } from './explain-error.js';
import { keepWatching } from './idle-keeper.js';
import type { KnownSubscription, MailCluster } from './mail-cluster.js';
import { SerialRunner } from './serial-runner.js';

// A mailbox's Graph change-notification subscription: created, renewed when less than a day is left
// (docs/graph-behaviour.md §6.1), replaced when Graph lost it. With several instances only the holder of the
// subscription lease does this; the others adopt the subscription it published, so a notification reaching any of
// them can be checked (docs/architecture.md §4, "Several instances").

export type SubscriptionContext = {
  cluster: MailCluster;
  clock: () => Date;
  logger: Logger;
  notificationUrl: string | undefined;
  sweepIntervalMs: number;
  lifetimeMs: number;
};

const DAY = 24 * 60 * 60_000;

/** What the keeper asks of the engine: whether it is stopping, whether a runtime is still current, and a sync. */
export type KeeperHost = {
  isStopped(): boolean;
  isCurrent(runtime: AccountRuntime): boolean;
  requestSync(runtime: AccountRuntime): void;
};

/** Keeps every mailbox's push alive: a Graph subscription, or an IMAP IDLE watch (docs/architecture.md §4). */
export class SubscriptionKeeper {
  constructor(
    private readonly ctx: SubscriptionContext,
    private readonly host: KeeperHost,
  ) {}

  /**
   * One create-or-renew at a time per mailbox, or two triggers would make two subscriptions. A trigger during a run
   * gets one more run after it: a lifecycle report the running one has already read past waited for the next sweep.
   * IMAP watches instead.
   */
  keep(runtime: AccountRuntime): Promise<void> {
    if (runtime.mailbox.watch) return this.keepIdle(runtime);
    runtime.keeping ??= new SerialRunner(() => createOrRenew(runtime, this.ctx));
    return runtime.keeping.run();
  }

  /** Deletes the subscription when this instance owns it: behind a load balancer the others go on using it. */
  drop(runtime: AccountRuntime): void {
    if (runtime.subscription && runtime.ownsSubscription)
      void runtime.mailbox.deleteSubscription?.(runtime.subscription.id).catch(() => undefined);
  }

  private async keepIdle(runtime: AccountRuntime): Promise<void> {
    if (this.host.isStopped() || runtime.watch) return;
    try {
      runtime.folderId ??= (await runtime.mailbox.resolveFolder(runtime.account.folder)).id;
    } catch {
      return; // The sync reports why; the next refresh tries again.
    }
    if (this.host.isStopped() || !this.host.isCurrent(runtime)) return;
    keepWatching(runtime, () => this.host.requestSync(runtime), this.ctx.logger);
  }
}

export async function createOrRenew(runtime: AccountRuntime, ctx: SubscriptionContext): Promise<void> {
  const { createSubscription, renewSubscription } = runtime.mailbox;
  if (!createSubscription || !renewSubscription) return;
  const url = ctx.notificationUrl;
  if (!url) {
    runtime.subscriptionHealth = {
      state: 'disabled',
      explanation: `No public URL (PUBLIC_URL) is configured, so Microsoft 365 cannot notify the API of new mail; the sweep checks the mailbox every ${Math.round(ctx.sweepIntervalMs / 1000)} s instead.`,
    };
    return;
  }
  const now = ctx.clock().getTime();
  const expiresAt = new Date(now + ctx.lifetimeMs);
  try {
    runtime.ownsSubscription = await ctx.cluster.ownsSubscription(runtime.account.id);
    if (!runtime.ownsSubscription) return await adopt(runtime, ctx, false);
    const shared = (await ctx.cluster.shared()).get(runtime.account.id);
    if (runtime.subscription) heedReports(runtime, shared);
    else await adopt(runtime, ctx, true, shared);
    // The record names the instance that renews the subscription, as /api/health and the tab show it: a new owner
    // (the previous one died or stopped) says so at once, not at its first renewal up to a day away.
    const adopted = runtime.subscription;
    if (adopted && shared?.id === adopted.id && shared.owner !== ctx.cluster.instanceId)
      if (!(await publishAsOwner(runtime, ctx, { ...adopted, notificationUrl: shared.notificationUrl })))
        return;
    const current = runtime.subscription;
    if (current && Date.parse(current.expiresAt) - now > Math.min(DAY, ctx.lifetimeMs / 2)) return;
    if (current) {
      try {
        const renewed = await renewSubscription.call(runtime.mailbox, current.id, expiresAt);
        runtime.subscription = { ...current, expiresAt: renewed.expiresAt };
        runtime.subscriptionHealth = { state: 'active', id: current.id, expiresAt: renewed.expiresAt };
        await publishAsOwner(runtime, ctx, { ...runtime.subscription, notificationUrl: url });
        return;
      } catch (error) {
        if (!(isGraphError(error) && error.status === 404)) throw error;
      }
    }
    // Here, inside the one create-or-renew at a time, so a clean-up listing can never catch (and delete) the
    // subscription a concurrent refresh of this run has just made.
    if (!runtime.staleSubscriptionsRemoved) {
      await removeStaleSubscriptions(runtime, ctx);
      runtime.staleSubscriptionsRemoved = true;
    }
    runtime.folderId ??= (await runtime.mailbox.resolveFolder(runtime.account.folder)).id;
    const clientState = randomBytes(32).toString('base64url');
    const created = await createSubscription.call(runtime.mailbox, {
      folderId: runtime.folderId,
      notificationUrl: url,
      lifecycleNotificationUrl: url,
      clientState,
      expiresAt,
    });
    runtime.subscription = { id: created.id, expiresAt: created.expiresAt, clientState };
    runtime.subscriptionHealth = { state: 'active', id: created.id, expiresAt: created.expiresAt };
    if (!(await publishAsOwner(runtime, ctx, { ...runtime.subscription, notificationUrl: url }))) {
      // Made after the lease went to another instance: nobody would renew it, and the owner makes its own.
      void runtime.mailbox.deleteSubscription?.(created.id).catch(() => undefined);
      runtime.subscription = undefined;
      await adopt(runtime, ctx, false);
    }
  } catch (error) {
    runtime.subscription = undefined;
    const explained = explainError(error, ctx.clock());
    runtime.subscriptionHealth = {
      state: 'failed',
      explanation: `The change-notification subscription could not be created or renewed; the sweep keeps the mailbox in sync. ${explained.explanation}`,
      error: explained,
    };
    ctx.logger.warn(
      { err: error, mailbox: runtime.account.emailAddress },
      'subscription could not be created or renewed',
    );
  }
}

/**
 * Takes the subscription the owner published. A new owner takes it over only when it was made for the same URL
 * (behind one load balancer, every instance's); one made for another instance's own URL is left to expire.
 */
export async function adopt(
  runtime: AccountRuntime,
  ctx: SubscriptionContext,
  asOwner: boolean,
  known?: KnownSubscription,
): Promise<void> {
  const shared = known ?? (await ctx.cluster.shared()).get(runtime.account.id);
  const usable =
    shared &&
    shared.id !== runtime.removedSubscriptionId &&
    Date.parse(shared.expiresAt) > ctx.clock().getTime() &&
    (!asOwner || shared.notificationUrl === ctx.notificationUrl);
  if (!usable) {
    if (!asOwner)
      runtime.subscriptionHealth = {
        state: 'pending',
        explanation: 'Another instance owns this subscription and has not published it yet.',
      };
    return;
  }
  runtime.subscription = { id: shared.id, expiresAt: shared.expiresAt, clientState: shared.clientState };
  runtime.subscriptionHealth = { state: 'active', id: shared.id, expiresAt: shared.expiresAt };
  // Not ours to clean up: the listing would find the shared subscription itself.
  runtime.staleSubscriptionsRemoved = true;
}

/**
 * Publishes the subscription as this instance's. The write is fenced by the subscription lease: when another
 * instance took it over meanwhile (this one's database session was away long enough to look dead), this one steps
 * back and adopts the new owner's subscription at its next sweep.
 */
async function publishAsOwner(
  runtime: AccountRuntime,
  ctx: SubscriptionContext,
  subscription: Omit<KnownSubscription, 'owner'>,
): Promise<boolean> {
  if (await ctx.cluster.publish(runtime.account.id, subscription)) return true;
  runtime.ownsSubscription = false;
  ctx.logger.info(
    { mailbox: runtime.account.emailAddress },
    'the subscription was taken over by another instance while this one renewed it',
  );
  return false;
}

/** What another instance heard from Graph about our subscription: removed (make another) or renew it now. */
function heedReports(runtime: AccountRuntime, shared: KnownSubscription | undefined): void {
  const current = runtime.subscription;
  if (!current) return;
  if (!shared || shared.id !== current.id) {
    runtime.removedSubscriptionId = current.id;
    runtime.subscription = undefined;
  } else if (Date.parse(shared.expiresAt) < Date.parse(current.expiresAt)) {
    runtime.subscription = { ...current, expiresAt: shared.expiresAt };
  }
}

/** Subscriptions an earlier run of this API left for this mailbox and URL: their clientState is gone with it. */
async function removeStaleSubscriptions(runtime: AccountRuntime, ctx: SubscriptionContext): Promise<void> {
  const url = ctx.notificationUrl;
  const box = runtime.mailbox;
  if (!url || !box.listSubscriptions || !box.deleteSubscription) return;
  try {
    const mailbox = runtime.account.userPrincipalName.toLowerCase();
    const stale = (await box.listSubscriptions()).filter(
      (s) => s.notificationUrl === url && s.resource.toLowerCase().includes(mailbox),
    );
    await Promise.all(stale.map((s) => box.deleteSubscription?.(s.id)));
  } catch (error) {
    ctx.logger.warn({ err: error }, 'could not list earlier subscriptions');
  }
}
