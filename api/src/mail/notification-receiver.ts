import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { AccountRuntime } from './account-runtime.js';
import type { KnownSubscription, MailCluster } from './mail-cluster.js';
import type { NotificationReceipt } from '../ports/mail-engine.js';

// Change notifications and lifecycle events as Graph posts them (docs/architecture.md §4): each checked against its
// subscription's clientState, then a sync (wherever the mailbox's lease is) or the subscription kept. With several
// instances the load balancer may bring a notification for a subscription another instance made: the shared record
// is read once before it is turned away.

export type NotificationHost = {
  runtimes(): Iterable<AccountRuntime>;
  cluster: MailCluster;
  logger: Logger;
  sync(runtime: AccountRuntime, trigger: 'notification' | 'lifecycle'): void;
  keepSubscription(runtime: AccountRuntime): Promise<void>;
};

type Item = {
  subscriptionId?: unknown;
  clientState?: unknown;
  lifecycleEvent?: unknown;
  resourceData?: { id?: unknown };
};

export function receiveNotifications(
  host: NotificationHost,
  items: readonly unknown[],
  reloaded = false,
): NotificationReceipt {
  const receipt = { accepted: 0, rejected: 0 };
  const rejectedIds = new Set<string>();
  const unknown: unknown[] = [];
  for (const raw of items) {
    const item = (raw ?? {}) as Item;
    const runtime = [...host.runtimes()].find(
      (r) => r.subscription && r.subscription.id === item.subscriptionId,
    );
    if (!runtime && !reloaded && !host.cluster.isLocal) {
      // Perhaps made by another instance since this one last looked: look again once, then decide.
      unknown.push(raw);
      continue;
    }
    if (!runtime?.subscription || !sameSecret(item.clientState, runtime.subscription.clientState)) {
      receipt.rejected += 1;
      if (runtime) runtime.notifications.rejected += 1;
      if (rejectedIds.size < 5) rejectedIds.add(String(item.subscriptionId).slice(0, 64));
      continue;
    }
    receipt.accepted += 1;
    runtime.notifications.received += 1;
    if (typeof item.lifecycleEvent === 'string') {
      void lifecycle(host, runtime, item.lifecycleEvent);
      continue;
    }
    if (typeof item.resourceData?.id === 'string') runtime.notified.add(item.resourceData.id);
    host.sync(runtime, 'notification');
  }
  if (unknown.length > 0) void adoptShared(host).then(() => receiveNotifications(host, unknown, true));
  // One line per POST, not per item: the route is anonymous, so a small body of bogus items must not flood the log.
  if (receipt.rejected > 0) {
    host.logger.warn(
      { rejected: receipt.rejected, accepted: receipt.accepted, subscriptionIds: [...rejectedIds] },
      'change notifications ignored: unknown subscription or wrong clientState',
    );
  }
  return receipt;
}

/** Every mailbox's subscription as its owner published it, so this instance can check notifications for it. */
async function adoptShared(host: NotificationHost): Promise<void> {
  const shared = await host.cluster.shared().catch(() => new Map<string, KnownSubscription>());
  for (const runtime of host.runtimes()) {
    const found = shared.get(runtime.account.id);
    if (found && !runtime.ownsSubscription)
      runtime.subscription = { id: found.id, expiresAt: found.expiresAt, clientState: found.clientState };
  }
}

async function lifecycle(host: NotificationHost, runtime: AccountRuntime, event: string): Promise<void> {
  // https://learn.microsoft.com/graph/change-notifications-lifecycle-events
  const id = runtime.subscription?.id;
  if (event === 'subscriptionRemoved') {
    runtime.removedSubscriptionId = id;
    runtime.subscription = undefined;
  }
  if (event === 'reauthorizationRequired' && runtime.subscription)
    runtime.subscription.expiresAt = new Date(0).toISOString();
  // The owner may be another instance: it is woken to read this now (MailCluster.reportLifecycle).
  if (id && (event === 'subscriptionRemoved' || event === 'reauthorizationRequired')) {
    await host.cluster.reportLifecycle(runtime.account.id, id, event).catch(() => undefined);
  }
  await host.keepSubscription(runtime);
  host.sync(runtime, 'lifecycle');
}

function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
