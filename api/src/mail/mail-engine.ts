import type { Logger } from 'pino';
import { AppError, notFound } from '../domain/app-error.js';
import { missingCredentials, type MailAccount } from '../domain/mail-account.js';
import { isGraphError } from '../ports/graph-error.js';
import type { ConnectionTest, MailEngine, NotificationReceipt, SyncReport } from '../ports/mail-engine.js';
import type { Mailbox, OpenMailbox } from '../ports/mailbox.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';
import type { ServiceDeps } from '../services/deps.js';
import { accountHealth } from './account-health.js';
import type { AccountRuntime } from './account-runtime.js';
import { AccountRuntimes } from './account-runtimes.js';
import { DEFAULT_LIMITS } from './engine-limits.js';
import { explainError } from './explain-error.js';
import { GroupCommitter } from './group-committer.js';
import { syncHeld } from './held-sync.js';
import { RetentionPurge } from './retention-purge.js';
import { stopWatching } from './idle-keeper.js';
import type { MailCluster } from './mail-cluster.js';
import { receiveNotifications } from './notification-receiver.js';
import { SenderRate } from './sender-rate.js';
import { SubscriptionKeeper } from './subscription-keeper.js';
import { INBOUND_WRITES, type EngineLimits } from './sync-context.js';
import { SyncScheduler } from './sync-scheduler.js';
import { testConnection } from './test-connection.js';

// The running engine (docs/architecture.md §4), a facade over its parts: the accounts' runtimes
// (account-runtimes.ts), when each mailbox syncs (sync-scheduler.ts) and the sync itself (held-sync.ts), the
// subscriptions (subscription-keeper.ts), the loop guard's count (sender-rate.ts), the health card
// (account-health.ts). Mail Center actions are services (services/mail-center/); they ask it only for a mailbox.

export type MailEngineOptions = {
  deps: ServiceDeps;
  logger: Logger;
  openMailbox: OpenMailbox;
  /** Default every 60 s. */
  sweepIntervalMs: number;
  /** Public base URL of the API; change notifications are posted to {publicUrl}/api/graph/notifications. */
  publicUrl?: string;
  limits?: Partial<EngineLimits>;
  /** Subscriptions are requested for this long and renewed when less than a day is left (docs/graph-behaviour.md §6.1). */
  subscriptionLifetimeMs?: number;
  /** The instances sharing the database; one instance alone uses a local one (every lease granted). */
  cluster: MailCluster;
};

const DAY = 24 * 60 * 60_000;

export class MailEngineRunner implements MailEngine {
  private readonly runtimes: AccountRuntimes;
  private readonly scheduler: SyncScheduler;
  private readonly keeper: SubscriptionKeeper;
  private readonly notificationUrl: string | undefined;

  constructor(private readonly options: MailEngineOptions) {
    const { deps, logger, cluster } = options;
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.notificationUrl = options.publicUrl
      ? `${options.publicUrl.replace(/\/+$/, '')}/api/graph/notifications`
      : undefined;
    this.keeper = new SubscriptionKeeper(
      {
        cluster,
        clock: () => deps.clock(),
        logger,
        notificationUrl: this.notificationUrl,
        sweepIntervalMs: options.sweepIntervalMs,
        lifetimeMs: options.subscriptionLifetimeMs ?? 2 * DAY,
      },
      {
        isStopped: () => this.scheduler.isStopped,
        isCurrent: (runtime) => this.runtimes.get(runtime.account.id) === runtime,
        requestSync: (runtime) => void this.scheduler.request(runtime, 'notification').catch(() => undefined),
      },
    );
    this.runtimes = new AccountRuntimes(
      options.openMailbox,
      (runtime) => this.scheduler.runSync(runtime),
      (runtime) => this.keeper.drop(runtime),
    );
    const held = {
      deps,
      logger,
      limits,
      committer: new GroupCommitter(deps.store, 50, INBOUND_WRITES),
      senders: new SenderRate(),
    };
    const retention = new RetentionPurge(deps, logger);
    this.scheduler = new SyncScheduler({
      deps,
      logger,
      cluster,
      runtimes: this.runtimes,
      sweepIntervalMs: options.sweepIntervalMs,
      syncHeld: (runtime, trigger, fence, after) => syncHeld(held, runtime, trigger, fence, after),
      keepSubscription: (runtime) => this.keeper.keep(runtime),
      onRefresh: () => retention.runHourly(),
    });
  }

  private get deps(): ServiceDeps {
    return this.options.deps;
  }

  /** Start-up sync and subscriptions now, then the sweep. Returns at once; work continues in the background. */
  start(): void {
    this.scheduler.start();
  }

  /** An account was added, changed or removed: start, adjust or stop its sync and subscription now. */
  accountsChanged(): void {
    this.scheduler.accountsChanged();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await Promise.all(
      [...this.runtimes.values()].map(async (runtime) => {
        if (runtime.runner.isRunning) await runtime.runner.run().catch(() => undefined);
        await stopWatching(runtime);
        // Behind a load balancer the other instances go on using it; the next owner renews it.
        if (runtime.subscription && this.options.cluster.isLocal)
          await runtime.mailbox.deleteSubscription?.(runtime.subscription.id).catch(() => undefined);
      }),
    );
    await this.options.cluster.releaseAll().catch(() => undefined);
  }

  async syncNow(accountId: string): Promise<SyncReport> {
    const runtime = await this.runtimeFor(accountId);
    try {
      return await this.scheduler.request(runtime, 'admin');
    } catch (error) {
      if (isMailTransportError(error))
        throw new AppError('upstream_failed', error.message, { code: `imap-${error.kind}` });
      if (!isGraphError(error)) throw error;
      const explained = explainError(error, this.deps.clock(), { folder: runtime.account.folder });
      throw new AppError('upstream_failed', explained.explanation, {
        code: explained.code,
        ...(explained.requestId ? { graphRequestId: explained.requestId } : {}),
      });
    }
  }

  async testConnection(accountId: string): Promise<ConnectionTest> {
    return this.testCandidate(await this.loadAccount(accountId));
  }

  async testCandidate(account: MailAccount): Promise<ConnectionTest> {
    const mailbox = this.options.openMailbox(account);
    try {
      return await testConnection(mailbox, account, this.deps.clock());
    } finally {
      await mailbox.close?.().catch(() => undefined);
    }
  }

  async health(accountId: string) {
    const account = await this.loadAccount(accountId);
    await this.scheduler.refreshing;
    return accountHealth(this.deps, account, this.runtimes.get(accountId), {
      notificationsEnabled: this.notificationUrl !== undefined,
      sweepIntervalMs: this.options.sweepIntervalMs,
      // The card still answers when the database cannot say who holds what.
      cluster: await this.options.cluster
        .view(accountId)
        .catch(() => ({ instance: this.options.cluster.instanceId })),
    });
  }

  receiveNotifications(items: readonly unknown[]): NotificationReceipt {
    return receiveNotifications(
      {
        runtimes: () => this.runtimes.values(),
        cluster: this.options.cluster,
        logger: this.options.logger,
        sync: (runtime, trigger) => void this.scheduler.request(runtime, trigger).catch(() => undefined),
        keepSubscription: (runtime) => this.keeper.keep(runtime),
      },
      items,
    );
  }

  mailboxFor(accountId: string): Mailbox | undefined {
    return this.runtimes.get(accountId)?.mailbox;
  }

  async identityCheck(): Promise<{ ok: boolean; detail: string }> {
    await this.scheduler.refreshing;
    const runtimes = [...this.runtimes.values()];
    if (runtimes.length === 0) return { ok: true, detail: 'No mail account has Service Messaging on.' };
    const results = await Promise.all(
      runtimes.map(async (r) => {
        try {
          return { ok: true, line: `${r.account.emailAddress}: ${await r.mailbox.checkToken()}` };
        } catch (error) {
          return {
            ok: false,
            line: `${r.account.emailAddress}: ${explainError(error, this.deps.clock()).explanation}`,
          };
        }
      }),
    );
    return { ok: results.every((r) => r.ok), detail: results.map((r) => r.line).join('; ') };
  }

  private async loadAccount(accountId: string): Promise<MailAccount> {
    const account = await this.deps.store.read((tx) => tx.collection('mailAccounts').get(accountId));
    if (!account) throw notFound('Mail account', accountId);
    return account;
  }

  private async runtimeFor(accountId: string): Promise<AccountRuntime> {
    const account = await this.loadAccount(accountId);
    if (!account.serviceMessaging)
      throw new AppError('precondition_failed', `Service Messaging is off for ${account.emailAddress}.`);
    const missing = missingCredentials(account);
    if (missing) throw new AppError('precondition_failed', `${account.emailAddress} has no ${missing}.`);
    await this.scheduler.refreshing;
    return this.runtimes.ensure(account);
  }
}
