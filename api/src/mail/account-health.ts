import { missingCredentials, type MailAccount } from '../domain/mail-account.js';
import type { ServiceDeps } from '../services/deps.js';
import type { AccountRuntime } from './account-runtime.js';
import type { AccountHealth, ClusterView } from '../ports/mail-engine.js';

// The health card of one account: what the engine saw last, the last day's figures from the ledger and the Mail
// Center, the subscription, and the secret's expiry (warned 30 and 7 days ahead).

const DAY = 24 * 60 * 60_000;

export async function accountHealth(
  deps: Pick<ServiceDeps, 'store' | 'clock'>,
  account: MailAccount,
  runtime: AccountRuntime | undefined,
  engine: { notificationsEnabled: boolean; sweepIntervalMs: number; cluster: ClusterView },
): Promise<AccountHealth> {
  const now = deps.clock();
  const since = now.getTime() - DAY;
  const mailbox = account.userPrincipalName.toLowerCase();
  const last24h = await deps.store.read(async (tx) => {
    const ledger = await tx
      .collection('processedMessages')
      .processedSince(account.id, new Date(since).toISOString());
    const held = ledger.filter((p) => p.outcome === 'mail-center');
    // Kept as ignored at arrival: a stranger's email under "participants only" (it is in the Mail Center's Ignored list).
    const ignoredIds = new Set(
      (await tx.collection('mailCenter').ofMailbox(mailbox, { state: 'ignored' })).map((i) => i.id),
    );
    const ignored = held.filter(
      (p) => p.mailCenterItemId !== undefined && ignoredIds.has(p.mailCenterItemId),
    ).length;
    const waiting = (
      await tx.collection('mailCenter').ofMailbox(mailbox, { state: 'open', reason: 'processing-failed' })
    ).filter((i) => i.nextAttemptAt !== undefined).length;
    return {
      notes: ledger.filter((p) => p.outcome === 'note').length,
      mailCenter: held.length - ignored,
      ignored,
      queued:
        waiting + ledger.filter((p) => p.afterStep === 'pending').length + (runtime?.lastSync?.deferred ?? 0),
    };
  });
  const stopped = !account.serviceMessaging
    ? 'Service Messaging is off for this account.'
    : missingCredentials(account)
      ? `The engine cannot sign in: ${missingCredentials(account)} is not set.`
      : runtime?.stopped;
  return {
    accountId: account.id,
    mailbox: account.userPrincipalName,
    serviceMessaging: account.serviceMessaging,
    ...(stopped ? { stopped } : {}),
    syncing: runtime?.runner.isRunning ?? false,
    ...(runtime?.lastSync ? { lastSync: runtime.lastSync } : {}),
    ...(runtime?.lastSuccessfulSyncAt ? { lastSuccessfulSyncAt: runtime.lastSuccessfulSyncAt } : {}),
    ...(runtime?.lastError ? { lastError: runtime.lastError } : {}),
    reauthorisationRequired: runtime?.reauthorisationRequired ?? false,
    last24h,
    subscription: runtime
      ? runtime.subscriptionHealth
      : engine.notificationsEnabled
        ? { state: 'pending', explanation: 'The engine has not started on this account yet.' }
        : {
            state: 'disabled',
            explanation: `No public URL (PUBLIC_URL) is configured; the sweep checks the mailbox every ${Math.round(engine.sweepIntervalMs / 1000)} s.`,
          },
    notifications: runtime ? { ...runtime.notifications } : { received: 0, rejected: 0 },
    cluster: engine.cluster,
    ...(account.clientSecretExpiresAt
      ? { secretExpiry: secretExpiry(account.clientSecretExpiresAt, now) }
      : {}),
  };
}

export function secretExpiry(expiresAt: string, now: Date): NonNullable<AccountHealth['secretExpiry']> {
  // Admins record the expiry date Entra shows (a calendar date): count whole days from today's date.
  const today = Date.parse(now.toISOString().slice(0, 10));
  const daysLeft = /^\d{4}-\d{2}-\d{2}$/.test(expiresAt)
    ? Math.round((Date.parse(expiresAt) - today) / DAY)
    : Math.floor((Date.parse(expiresAt) - now.getTime()) / DAY);
  if (daysLeft < 0)
    return {
      expiresAt,
      daysLeft,
      level: 'expired',
      message: 'The client secret has expired: mail stops until a new secret is entered.',
    };
  if (daysLeft <= 7)
    return {
      expiresAt,
      daysLeft,
      level: 'urgent',
      message: `The client secret expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}: create a new one in Entra ID and enter it here now.`,
    };
  if (daysLeft <= 30)
    return {
      expiresAt,
      daysLeft,
      level: 'warning',
      message: `The client secret expires in ${daysLeft} days: plan its renewal.`,
    };
  return { expiresAt, daysLeft, level: 'ok' };
}
