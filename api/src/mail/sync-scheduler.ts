import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import { hasCredentials } from '../domain/mail-account.js';
import type { SyncReport, SyncTrigger } from '../ports/mail-engine.js';
import type { ServiceDeps } from '../services/deps.js';
import type { AccountRuntime } from './account-runtime.js';
import type { AccountRuntimes } from './account-runtimes.js';
import type { Fence } from './fenced-writes.js';
import { HAND_OVER_CHECK_MS, HandOver } from './hand-over.js';
import type { MailCluster } from './mail-cluster.js';
import { leaseTickMs } from './mailbox-lease.js';
import { emptyCounts } from './sync-mailbox.js';

// When a mailbox syncs (docs/architecture.md §4): at start-up, on every sweep, on a change notification or IMAP
// IDLE, on an admin's "Sync now", as a follow-up for a notified message not listed yet, when a failed message's
// backoff ends, and when another instance forwards a wake. One sync at a time per mailbox (the runtime's runner),
// and cluster-wide only where its lease is: any other instance forwards the trigger to the holder.

export type SchedulerOptions = {
  /** Read at each use: a test may move the clock of a running engine. */
  deps: Pick<ServiceDeps, 'store' | 'clock'>;
  logger: Logger;
  cluster: MailCluster;
  runtimes: AccountRuntimes;
  /** Default every 60 s. */
  sweepIntervalMs: number;
  /** Syncs `runtime` holding its lease (`fence`); `after` runs when the sync succeeded. */
  syncHeld(
    runtime: AccountRuntime,
    trigger: SyncTrigger,
    fence: Fence,
    after: (seen: ReadonlySet<string>) => Promise<void>,
  ): Promise<SyncReport>;
  /** Every refresh keeps each mailbox's subscription (or IDLE watch) alive. */
  keepSubscription(runtime: AccountRuntime): Promise<void>;
  /** Housekeeping that rides on the refresh (the Mail Center retention purge). */
  onRefresh(): Promise<void>;
};

const FOLLOW_UP_DELAYS_MS = [1_000, 3_000, 10_000];
/** Triggers that name new mail: when another instance is syncing the mailbox, it is asked to look again. */
const FORWARDED: ReadonlySet<SyncTrigger> = new Set(['notification', 'lifecycle', 'admin']);

export class SyncScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private orphanTimer: NodeJS.Timeout | undefined;
  private handOverTimer: NodeJS.Timeout | undefined;
  private unsubscribeWakes: (() => void) | undefined;
  /** The refresh in progress (or the last one): account look-ups wait for it so they see its runtimes. */
  refreshing: Promise<void> | undefined;
  private stopped = false;
  private started = false;

  constructor(private readonly options: SchedulerOptions) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Start-up sync and subscriptions now, then the sweep. Returns at once; work continues in the background. */
  start(): void {
    const { cluster } = this.options;
    this.started = true;
    this.unsubscribeWakes = cluster.onWake(
      (accountId) => {
        const runtime = this.options.runtimes.get(accountId);
        if (runtime) void this.request(runtime, 'notification').catch(() => undefined);
      },
      // A lifecycle report another instance received for a subscription this one owns: acted on now, not at the sweep.
      (accountId) => {
        const runtime = this.options.runtimes.get(accountId);
        if (runtime) void this.options.keepSubscription(runtime);
      },
    );
    void this.refresh('start-up');
    this.sweepTimer = setInterval(() => void this.refresh('sweep'), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
    // A holder that died mid-sync leaves its lease to lapse: whoever sees that first takes the mailbox over, so
    // the takeover is bounded by the lease, not by the sweep.
    if (!cluster.isLocal) {
      void cluster.heartbeat().catch(() => undefined);
      this.orphanTimer = setInterval(() => {
        void cluster.heartbeat().catch(() => undefined);
        void this.adoptOrphans();
      }, leaseTickMs(cluster.leases.ttlMs));
      this.orphanTimer.unref();
      const handOver = new HandOver(cluster, () => this.options.runtimes.values());
      this.handOverTimer = setInterval(() => void handOver.check(), HAND_OVER_CHECK_MS);
      this.handOverTimer.unref();
    }
  }

  /** An account was added, changed or removed: start, adjust or stop its sync and subscription now. */
  accountsChanged(): void {
    if (this.started) void this.refresh('account-changed');
  }

  /** No new sync from now on; waits for the refresh in progress. Syncs running are the engine's to wait for. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribeWakes?.();
    clearInterval(this.sweepTimer);
    clearInterval(this.orphanTimer);
    clearInterval(this.handOverTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.refreshing?.catch(() => undefined);
  }

  request(runtime: AccountRuntime, trigger: SyncTrigger): Promise<SyncReport> {
    if (this.stopped)
      return Promise.reject(new AppError('service_unavailable', 'The mail engine is stopping.'));
    runtime.nextTrigger ??= trigger;
    return runtime.runner.run();
  }

  /** Picks up added, changed and removed accounts, keeps subscriptions alive, and syncs every mailbox. */
  private refresh(trigger: SyncTrigger): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const run = (async () => {
      const accounts = (
        await this.options.deps.store.read((tx) => tx.collection('mailAccounts').all())
      ).filter((a) => a.serviceMessaging && hasCredentials(a));
      for (const runtime of this.options.runtimes.reconcile(accounts)) {
        void this.request(runtime, trigger).catch(() => undefined);
        void this.options.keepSubscription(runtime);
      }
      await this.options.onRefresh();
    })();
    this.refreshing = run.catch((error: unknown) =>
      this.options.logger.error({ err: error }, 'mail engine refresh failed'),
    );
    return this.refreshing;
  }

  /** The runner's task: syncs holding the mailbox's lease; when another instance holds it, asks that one. */
  async runSync(runtime: AccountRuntime): Promise<SyncReport> {
    const trigger = runtime.nextTrigger ?? 'sweep';
    runtime.nextTrigger = undefined;
    // stop() waits for the runner, which may start one more run: it must not take a lease any more.
    if (this.stopped) throw new AppError('service_unavailable', 'The mail engine is stopping.');
    const { cluster } = this.options;
    // An admin's "Sync now" is answered here; any other trigger may go to an instance with fewer mailboxes.
    const share = trigger === 'admin' ? undefined : this.options.runtimes.size;
    const held = await cluster.syncHolding(runtime.account.id, share, (lease) =>
      this.options.syncHeld(runtime, trigger, { lease: lease.name, fence: lease.fence }, async (seen) => {
        this.followUp(runtime, seen);
        await this.scheduleRetry(runtime);
      }),
    );
    if (held.held) {
      // Given the lease back mid-sync: the lighter instance lists what is left.
      if (held.value.handedOverTo) {
        this.options.logger.info(
          { mailbox: runtime.account.emailAddress, to: held.value.handedOverTo },
          'handing the rest of this mailbox over to an instance with less to do',
        );
        await cluster.forward(runtime.account.id, held.value.handedOverTo);
      }
      return held.value;
    }
    const at = this.options.deps.clock().toISOString();
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
      const runtime = this.options.runtimes.get(id);
      if (runtime) void this.request(runtime, 'retry').catch(() => undefined);
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
    this.later(delay, () => void this.request(runtime, 'retry').catch(() => undefined));
  }

  /** Emails whose processing failed are tried again when their backoff ends, not only at the next sweep. */
  private async scheduleRetry(runtime: AccountRuntime): Promise<void> {
    const mailbox = runtime.account.userPrincipalName.toLowerCase();
    const waiting = await this.options.deps.store.read((tx) =>
      tx.collection('mailCenter').ofMailbox(mailbox, { state: 'open', reason: 'processing-failed' }),
    );
    const next = Math.min(
      ...waiting.flatMap((i) => (i.nextAttemptAt === undefined ? [] : [Date.parse(i.nextAttemptAt)])),
    );
    if (!Number.isFinite(next) || (runtime.retryAt !== undefined && runtime.retryAt <= next)) return;
    runtime.retryAt = next;
    this.later(Math.max(0, next - this.options.deps.clock().getTime()), () => {
      runtime.retryAt = undefined;
      void this.request(runtime, 'retry').catch(() => undefined);
    });
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
