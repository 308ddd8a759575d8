import type { MailAccount } from '../domain/mail-account.js';
import type { ExplainedError, SubscriptionHealth, SyncReport, SyncTrigger } from '../ports/mail-engine.js';
import type { Mailbox, MailboxWatch } from '../ports/mailbox.js';
import type { HandOverSignal } from './hand-over.js';
import { SerialRunner } from './serial-runner.js';

// What the engine keeps about one mailbox while it runs: its adapter, cached folder ids, the one-at-a-time sync
// runner, the subscription and the health figures. Subscriptions and their clientState live only here: before its
// first subscription the runtime removes those an earlier run left, so the secret never needs to be stored.
export class AccountRuntime {
  folderId: string | undefined;
  moveFolderId: string | undefined;
  nextTrigger: SyncTrigger | undefined;
  lastSync: SyncReport | undefined;
  lastSuccessfulSyncAt: string | undefined;
  lastError: ExplainedError | undefined;
  reauthorisationRequired = false;
  stopped: string | undefined;
  subscription: { id: string; expiresAt: string; clientState: string } | undefined;
  subscriptionHealth: SubscriptionHealth = { state: 'pending', explanation: 'Not created yet.' };
  notifications = { received: 0, rejected: 0 };
  /** Message ids named by notifications and not yet seen in a listing (docs/graph-behaviour.md C16). */
  readonly notified = new Set<string>();
  followUps = 0;
  /** Creates or renews the subscription, one run at a time (subscription-keeper.ts). */
  keeping: SerialRunner<void> | undefined;
  /** IMAP: the IDLE watch on the folder (instead of a subscription). */
  watch: MailboxWatch | undefined;
  /** Graph said this subscription is gone: never adopt it again from what was published. */
  removedSubscriptionId: string | undefined;
  /** This instance holds the subscription lease: it alone creates, renews and deletes the subscription. */
  ownsSubscription = false;
  /** Earlier runs' subscriptions for this mailbox are removed once, before this runtime creates its own. */
  staleSubscriptionsRemoved = false;
  /** Set while this instance syncs the mailbox: what is left of the round, and whether to hand the rest over. */
  handOver: HandOverSignal | undefined;
  /** When a retry sync is scheduled (ms since epoch). */
  retryAt: number | undefined;
  readonly runner: SerialRunner<SyncReport>;

  constructor(
    public account: MailAccount,
    public mailbox: Mailbox,
    sync: (runtime: AccountRuntime) => Promise<SyncReport>,
  ) {
    this.runner = new SerialRunner(() => sync(this));
  }

  /** The account changed (secret, folder, after-step ...): forget what depended on it. */
  replace(account: MailAccount, mailbox: Mailbox): void {
    this.account = account;
    this.mailbox = mailbox;
    this.folderId = undefined;
    this.moveFolderId = undefined;
    this.reauthorisationRequired = false;
    this.stopped = undefined;
  }
}
