import type { Logger } from 'pino';
import { AppError, notFound } from '../domain/app-error.js';
import { hasCredentials, missingCredentials, type MailAccount } from '../domain/mail-account.js';
import { domainOf } from '../domain/mail-message.js';
import { PUBLIC_NOTE_TYPE, isPublicNoteTypeUsable } from '../domain/note-type.js';
import { isGraphError } from '../ports/graph-error.js';
import type { ServiceDeps } from '../services/deps.js';
import { loadSettings } from '../services/settings/load-settings.js';
import { purgeMailCenter } from '../services/mail-center/purge-mail-center.js';
import { AccountRuntime } from './account-runtime.js';
import type { ClassifyContext } from '../reply/classify.js';
import { DEFAULT_LIMITS } from './engine-limits.js';
import { explainError } from './explain-error.js';
import { GroupCommitter } from './group-committer.js';
import { accountHealth } from './account-health.js';
import { keepWatching, stopWatching } from './idle-keeper.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';
import { createRequestFromItem, linkItem, reprocessItem, type ActionContext } from './mail-center-actions.js';
import type {
  Actor,
  ConnectionTest,
  LinkStatus,
  MailEngine,
  NotificationReceipt,
  SyncReport,
  SyncTrigger,
} from '../ports/mail-engine.js';
import type { OpenMailbox } from '../ports/mailbox.js';
import { senderTrust } from '../reply/sender-authenticity.js';
import { logSyncReport } from './log-sync-report.js';
import { emptyCounts, syncMailbox } from './sync-mailbox.js';
import { fencedCommitter, fencedStore, type Fence } from './fenced-writes.js';
import type { MailCluster } from './mail-cluster.js';
import { receiveNotifications } from './notification-receiver.js';
import { createOrRenew } from './subscription-keeper.js';
import type { EngineLimits } from './sync-context.js';
import { testConnection } from './test-connection.js';

// The running engine (docs/architecture.md §4): for every account with Service Messaging on, one sync at a time, triggered by
// change notifications, the sweep timer, start-up and an admin's "Sync now"; subscriptions created, renewed and
// replaced; Mail Center actions through the same apply step.

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
const HOUR = 60 * 60_000;
const FOLLOW_UP_DELAYS_MS = [1_000, 3_000, 10_000];
/** Triggers that name new mail: when another instance is syncing the mailbox, it is asked to look again. */
const FORWARDED: ReadonlySet<SyncTrigger> = new Set(['notification', 'lifecycle', 'admin']);

export class MailEngineRunner implements MailEngine {
  private readonly runtimes = new Map<string, AccountRuntime>();
  private readonly senders = new Map<string, number[]>();
  private readonly limits: EngineLimits;
  private readonly committer: GroupCommitter;
  private readonly timers = new Set<NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private orphanTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private lastPurge = 0;
  private stopped = false;
  private started = false;
  private unsubscribeWakes: (() => void) | undefined;

  constructor(private readonly options: MailEngineOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.committer = new GroupCommitter(options.deps.store);
  }

  private get deps(): ServiceDeps {
    return this.options.deps;
  }

  private get notificationUrl(): string | undefined {
    return this.options.publicUrl
      ? `${this.options.publicUrl.replace(/\/+$/, '')}/api/graph/notifications`
      : undefined;
  }

  /** Start-up sync and subscriptions now, then the sweep. Returns at once; work continues in the background. */
  start(): void {
    this.started = true;
    this.unsubscribeWakes = this.options.cluster.onWake((accountId) => {
      const runtime = this.runtimes.get(accountId);
      if (runtime) void this.requestSync(runtime, 'notification').catch(() => undefined);
    });
    void this.refresh('start-up');
    this.sweepTimer = setInterval(() => void this.refresh('sweep'), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
    // A holder that died mid-sync leaves its lease to lapse: whoever sees that first takes the mailbox over, so
    // the takeover is bounded by the lease, not by the sweep.
    if (!this.options.cluster.isLocal) {
      void this.options.cluster.heartbeat().catch(() => undefined);
      this.orphanTimer = setInterval(
        () => {
          void this.options.cluster.heartbeat().catch(() => undefined);
          void this.adoptOrphans();
        },
        Math.max(200, Math.floor(this.options.cluster.leases.ttlMs / 3)),
      );
      this.orphanTimer.unref();
    }
  }

  /** An account was added, changed or removed: start, adjust or stop its sync and subscription now. */
  accountsChanged(): void {
    if (this.started) void this.refresh('account-changed');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribeWakes?.();
    clearInterval(this.sweepTimer);
    clearInterval(this.orphanTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.refreshing?.catch(() => undefined);
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
      return await this.requestSync(runtime, 'admin');
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
    await this.refreshing;
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
        sync: (runtime, trigger) => void this.requestSync(runtime, trigger).catch(() => undefined),
        keepSubscription: (runtime) => this.keepSubscription(runtime),
      },
      items,
    );
  }

  linkItem(itemId: string, requestId: number, actor: Actor, status?: LinkStatus) {
    return linkItem(this.actionContext(), itemId, requestId, actor, status);
  }

  createRequestFromItem(itemId: string, actor: Actor) {
    return createRequestFromItem(this.actionContext(), itemId, actor);
  }

  reprocessItem(itemId: string, actor: Actor) {
    return reprocessItem(this.actionContext(), itemId, actor);
  }

  async identityCheck(): Promise<{ ok: boolean; detail: string }> {
    await this.refreshing;
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

  private actionContext(): ActionContext {
    return {
      deps: this.deps,
      logger: this.options.logger,
      limits: this.limits,
      classify: () => this.classifyContext(),
      trustFor: async (accountId) => {
        const account = await this.deps.store.read((tx) => tx.collection('mailAccounts').get(accountId));
        return account ? senderTrust(account) : undefined;
      },
      mailboxFor: (accountId) => this.runtimes.get(accountId)?.mailbox,
    };
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
    await this.refreshing;
    return this.ensureRuntime(account);
  }

  private ensureRuntime(account: MailAccount): AccountRuntime {
    const existing = this.runtimes.get(account.id);
    if (!existing) {
      const runtime = new AccountRuntime(account, this.options.openMailbox(account), (r) => this.runSync(r));
      this.runtimes.set(account.id, runtime);
      return runtime;
    }
    if (existing.account.updatedAt !== account.updatedAt) {
      const mailboxChanged = MAILBOX_FIELDS.some(
        (k) => JSON.stringify(existing.account[k]) !== JSON.stringify(account[k]),
      );
      if (mailboxChanged && existing.subscription && existing.ownsSubscription)
        void existing.mailbox.deleteSubscription?.(existing.subscription.id).catch(() => undefined);
      if (mailboxChanged) {
        existing.subscription = undefined;
        void stopWatching(existing, existing.mailbox);
      }
      existing.replace(account, mailboxChanged ? this.options.openMailbox(account) : existing.mailbox);
    }
    return existing;
  }

  /** Picks up added, changed and removed accounts, keeps subscriptions alive, and syncs every mailbox. */
  private refresh(trigger: SyncTrigger): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const run = (async () => {
      const accounts = (await this.deps.store.read((tx) => tx.collection('mailAccounts').all())).filter(
        (a) => a.serviceMessaging && hasCredentials(a),
      );
      for (const [id, runtime] of this.runtimes) {
        if (accounts.some((a) => a.id === id)) continue;
        this.runtimes.delete(id);
        void stopWatching(runtime);
        if (runtime.subscription && runtime.ownsSubscription)
          void runtime.mailbox.deleteSubscription?.(runtime.subscription.id).catch(() => undefined);
      }
      const runtimes = accounts.map((a) => this.ensureRuntime(a));
      for (const runtime of runtimes) {
        void this.requestSync(runtime, trigger).catch(() => undefined);
        void this.keepSubscription(runtime);
      }
      await this.purgeHourly();
    })();
    this.refreshing = run.catch((error: unknown) =>
      this.options.logger.error({ err: error }, 'mail engine refresh failed'),
    );
    return this.refreshing;
  }

  private requestSync(runtime: AccountRuntime, trigger: SyncTrigger): Promise<SyncReport> {
    if (this.stopped)
      return Promise.reject(new AppError('service_unavailable', 'The mail engine is stopping.'));
    runtime.nextTrigger ??= trigger;
    return runtime.runner.run();
  }

  /** Syncs holding the mailbox's lease; when another instance holds it, asks that one (docs/architecture.md §4). */
  private async runSync(runtime: AccountRuntime): Promise<SyncReport> {
    const trigger = runtime.nextTrigger ?? 'sweep';
    runtime.nextTrigger = undefined;
    // stop() waits for the runner, which may start one more run: it must not take a lease any more.
    if (this.stopped) throw new AppError('service_unavailable', 'The mail engine is stopping.');
    const { cluster } = this.options;
    // An admin's "Sync now" is answered here; any other trigger may go to an instance with fewer mailboxes.
    const share = trigger === 'admin' ? undefined : this.runtimes.size;
    const held = await cluster.syncHolding(runtime.account.id, share, (lease) =>
      this.syncHeld(runtime, trigger, { lease: lease.name, fence: lease.fence }),
    );
    if (held.held) return held.value;
    const at = this.deps.clock().toISOString();
    const to =
      'handedTo' in held
        ? held.handedTo
        : held.holder && FORWARDED.has(trigger)
          ? held.holder.holder
          : undefined;
    // Should that instance die before it syncs, the mailbox's lease lapses (or is free) and the next look takes it.
    if (to) await cluster.forward(runtime.account.id, to);
    const holder = 'handedTo' in held ? held.handedTo : held.holder?.holder;
    return {
      trigger,
      ...emptyCounts(),
      rounds: 0,
      startedAt: at,
      finishedAt: at,
      ...(holder ? { forwardedTo: holder } : {}),
    };
  }

  private async adoptOrphans(): Promise<void> {
    const accounts = await this.options.cluster.orphaned().catch(() => []);
    for (const id of accounts) {
      const runtime = this.runtimes.get(id);
      if (runtime) void this.requestSync(runtime, 'retry').catch(() => undefined);
    }
  }

  private async syncHeld(runtime: AccountRuntime, trigger: SyncTrigger, fence: Fence): Promise<SyncReport> {
    const now = () => this.deps.clock();
    const seen = new Set<string>();
    try {
      const [settings, types] = await this.deps.store.read(
        async (tx) => [await loadSettings(tx), await tx.collection('noteTypes').all()] as const,
      );
      if (!isPublicNoteTypeUsable(types)) {
        runtime.stopped = `Service messaging is stopped: it files replies as note type ${PUBLIC_NOTE_TYPE.code} (access level User), which is missing. Add it under Administration > General > Type.`;
        throw new AppError('precondition_failed', runtime.stopped);
      }
      runtime.stopped = undefined;
      const { account, mailbox } = runtime;
      runtime.folderId ??= (await mailbox.resolveFolder(account.folder)).id;
      if (account.afterProcessing === 'move' && account.moveToFolder)
        runtime.moveFolderId ??= (await mailbox.resolveFolder(account.moveToFolder)).id;
      const afterStep =
        account.afterProcessing === 'delete'
          ? { kind: 'delete' as const }
          : account.afterProcessing === 'move' && runtime.moveFolderId
            ? { kind: 'move' as const, folderId: runtime.moveFolderId }
            : { kind: 'mark-read' as const };
      const report = await syncMailbox(
        {
          // Every write of this sync first checks that this instance still holds the mailbox's lease.
          deps: { ...this.deps, store: fencedStore(this.deps.store, fence) },
          logger: this.options.logger,
          account,
          mailbox,
          folderId: runtime.folderId,
          afterStep,
          settings,
          classify: await this.classifyContext(),
          limits: this.limits,
          committer: fencedCommitter(this.committer, fence),
          countSender: (address) => this.countSender(address),
        },
        trigger,
        seen,
      );
      runtime.lastSync = report;
      runtime.lastSuccessfulSyncAt = report.finishedAt;
      logSyncReport(this.options.logger, runtime.account.emailAddress, report);
      runtime.lastError = undefined;
      runtime.reauthorisationRequired = false;
      this.followUp(runtime, seen);
      await this.scheduleRetry(runtime);
      return report;
    } catch (error) {
      if (isGraphError(error) && error.code === 'ErrorFolderNotFound') runtime.folderId = undefined;
      if (isMailTransportError(error) && error.kind === 'folder-missing') runtime.folderId = undefined;
      if ((isGraphError(error) || isMailTransportError(error)) && error.reauthorisationRequired)
        runtime.reauthorisationRequired = true;
      runtime.lastError =
        error instanceof AppError
          ? { code: error.code, explanation: error.message, at: now().toISOString() }
          : explainError(error, now(), { folder: runtime.account.folder });
      this.options.logger.warn(
        { err: error, mailbox: runtime.account.emailAddress, trigger },
        'mail sync failed',
      );
      throw error;
    }
  }

  /** A notified message the listing did not show may not be readable yet (docs/graph-behaviour.md C16): look again shortly. */
  private followUp(runtime: AccountRuntime, seen: ReadonlySet<string>): void {
    for (const id of seen) runtime.notified.delete(id);
    if (runtime.notified.size === 0) {
      runtime.followUps = 0;
      return;
    }
    const delay = FOLLOW_UP_DELAYS_MS[runtime.followUps];
    if (delay === undefined) {
      // Long gone (read, moved or deleted by someone): the sweep covers anything else.
      runtime.notified.clear();
      runtime.followUps = 0;
      return;
    }
    runtime.followUps += 1;
    this.later(delay, () => void this.requestSync(runtime, 'retry').catch(() => undefined));
  }

  /** Emails whose processing failed are tried again when their backoff ends, not only at the next sweep. */
  private async scheduleRetry(runtime: AccountRuntime): Promise<void> {
    const mailbox = runtime.account.userPrincipalName.toLowerCase();
    const waiting = await this.deps.store.read((tx) =>
      tx.collection('mailCenter').ofMailbox(mailbox, { state: 'open', reason: 'processing-failed' }),
    );
    const next = Math.min(
      ...waiting.flatMap((i) => (i.nextAttemptAt === undefined ? [] : [Date.parse(i.nextAttemptAt)])),
    );
    if (!Number.isFinite(next) || (runtime.retryAt !== undefined && runtime.retryAt <= next)) return;
    runtime.retryAt = next;
    this.later(Math.max(0, next - this.deps.clock().getTime()), () => {
      runtime.retryAt = undefined;
      void this.requestSync(runtime, 'retry').catch(() => undefined);
    });
  }

  private async classifyContext(): Promise<Omit<ClassifyContext, 'recent'>> {
    const accounts = await this.deps.store.read((tx) => tx.collection('mailAccounts').all());
    const ownAddresses = [
      ...new Set(accounts.flatMap((a) => [a.emailAddress, a.userPrincipalName]).map((a) => a.toLowerCase())),
    ];
    return { ownAddresses, ownMessageIdDomains: [...new Set(ownAddresses.map(domainOf).filter(Boolean))] };
  }

  private countSender(address: string): number {
    const key = address.toLowerCase();
    const now = Date.now();
    const recent = (this.senders.get(key) ?? []).filter((t) => t > now - HOUR);
    const count = recent.length;
    recent.push(now);
    this.senders.set(key, recent);
    return count;
  }

  /** One create-or-renew at a time per mailbox, or two triggers would make two subscriptions. IMAP watches instead. */
  private keepSubscription(runtime: AccountRuntime): Promise<void> {
    if (runtime.mailbox.watch) return this.keepIdle(runtime);
    runtime.keeping ??= this.createOrRenew(runtime).finally(() => {
      runtime.keeping = undefined;
    });
    return runtime.keeping;
  }

  private async keepIdle(runtime: AccountRuntime): Promise<void> {
    if (this.stopped || runtime.watch) return;
    try {
      runtime.folderId ??= (await runtime.mailbox.resolveFolder(runtime.account.folder)).id;
    } catch {
      return; // The sync reports why; the next refresh tries again.
    }
    if (this.stopped || this.runtimes.get(runtime.account.id) !== runtime) return;
    keepWatching(
      runtime,
      () => void this.requestSync(runtime, 'notification').catch(() => undefined),
      this.options.logger,
    );
  }

  private createOrRenew(runtime: AccountRuntime): Promise<void> {
    return createOrRenew(runtime, {
      cluster: this.options.cluster,
      clock: this.deps.clock,
      logger: this.options.logger,
      notificationUrl: this.notificationUrl,
      sweepIntervalMs: this.options.sweepIntervalMs,
      lifetimeMs: this.options.subscriptionLifetimeMs ?? 2 * DAY,
    });
  }

  private async purgeHourly(): Promise<void> {
    const now = this.deps.clock().getTime();
    if (now - this.lastPurge < HOUR) return;
    this.lastPurge = now;
    const purged = await purgeMailCenter(this.deps);
    if (purged > 0) this.options.logger.info({ purged }, 'Mail Center items past their retention purged');
  }

  private later(ms: number, run: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}

/** What the mailbox adapter is built from: a change to any of these needs a new adapter (and subscription or watch). */
const MAILBOX_FIELDS: ReadonlyArray<keyof MailAccount> = [
  'transport',
  'tenantId',
  'clientId',
  'clientSecret',
  'userPrincipalName',
  'folder',
  'incomingHost',
  'incomingPort',
  'incomingSecurity',
  'outgoingHost',
  'outgoingPort',
  'outgoingSecurity',
  'username',
  'authMethod',
  'password',
  'oauthScope',
];
