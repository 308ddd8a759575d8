import type { MailAccount } from '../domain/mail-account.js';
import type { Mailbox } from './mailbox.js';

// What services (and through them the HTTP routes) may ask of the running mail engine. The engine lives in mail/;
// this port keeps services free of it (docs/architecture.md §3).

export type SyncTrigger =
  'start-up' | 'sweep' | 'notification' | 'lifecycle' | 'admin' | 'retry' | 'account-changed';

export type SyncReport = {
  trigger: SyncTrigger;
  startedAt: string;
  finishedAt: string;
  rounds: number;
  listed: number;
  notes: number;
  mailCenter: number;
  alreadyProcessed: number;
  failed: number;
  deferred: number;
  gone: number;
  afterStepsDone: number;
  afterStepsFailed: number;
  /** Another instance holds the mailbox's lease and was asked to sync instead. */
  forwardedTo?: string;
  /** This instance had more mailboxes to sync than another: it stopped mid-way and gave the rest to that one. */
  handedOverTo?: string;
};

/** A failure in words an admin can act on, with the service's code for support. */
export type ExplainedError = {
  code: string;
  explanation: string;
  status?: number;
  requestId?: string;
  at: string;
};

export type ConnectionStep = {
  name:
    'token' | 'mailbox' | 'folder' | 'send-permission' | 'dns' | 'tcp' | 'tls' | 'authentication' | 'smtp';
  ok: boolean;
  detail: string;
};
export type ConnectionTest = {
  ok: boolean;
  steps: ConnectionStep[];
  /** The token carries Mail.Send from Entra admin consent, which reaches every mailbox; absent when the test stopped before. */
  hasGraphMailConsent?: boolean;
};

export type SubscriptionHealth =
  | { state: 'active'; id: string; expiresAt: string }
  | { state: 'disabled'; explanation: string }
  | {
      state: 'idle';
      connected: boolean;
      explanation: string;
      lastInterruption?: { at: string; explanation: string };
    }
  | { state: 'pending' | 'failed'; explanation: string; error?: ExplainedError };

export type AccountHealth = {
  accountId: string;
  mailbox: string;
  serviceMessaging: boolean;
  /** Why the engine does not run for this account, when it does not. */
  stopped?: string;
  syncing: boolean;
  lastSync?: SyncReport;
  lastSuccessfulSyncAt?: string;
  lastError?: ExplainedError;
  reauthorisationRequired: boolean;
  last24h: { notes: number; mailCenter: number; ignored: number; queued: number };
  subscription: SubscriptionHealth;
  notifications: { received: number; rejected: number };
  cluster: ClusterView;
  secretExpiry?: {
    expiresAt: string;
    daysLeft: number;
    level: 'ok' | 'warning' | 'urgent' | 'expired';
    message?: string;
  };
};

/** Who does what for one mailbox among the instances sharing the database. */
export type ClusterView = { syncHolder?: string; subscriptionOwner?: string; instance: string };

export type NotificationReceipt = { accepted: number; rejected: number };

export interface MailEngine {
  syncNow(accountId: string): Promise<SyncReport>;
  testConnection(accountId: string): Promise<ConnectionTest>;
  /** Test connection for an account as it would be saved (a change of the Default account is tested before it is stored). */
  testCandidate(account: MailAccount): Promise<ConnectionTest>;
  health(accountId: string): Promise<AccountHealth>;
  /** Change notifications and lifecycle events as Graph posts them (the `value` array); answers at once. */
  receiveNotifications(items: readonly unknown[]): NotificationReceipt;
  /**
   * The mailbox the engine has open for an account, undefined when it runs none for it: a Mail Center action reads a
   * Graph original's attachments from there (services/mail-center/read-original.ts).
   */
  mailboxFor(accountId: string): Mailbox | undefined;
  /** Whether the identity platform gave a token to the service-messaging accounts (for /api/health). */
  identityCheck(): Promise<{ ok: boolean; detail: string }>;
}
