import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { ServiceDeps } from '../../services/deps.js';
import type { MailSender } from '../../ports/mail-sender.js';
import { isSameClaim, markSent } from './attempt-send.js';
import { lastSignOfLife } from './keep-claim.js';

// A record still 'sending' that nobody is working on was interrupted (a crash, or an unconfirmed send). Our own
// Message-ID tells whether it went out: sent -> record it; a draft -> delete it and queue again; nothing -> queue
// again, but only after the Sent Items copy has had time to appear (it can lag the send, docs/graph-behaviour.md C11).
// In a cluster the claimer may be another instance: its claim is abandoned only when it has not been renewed
// (keep-claim.ts) within the grace either.

export type Recovery = { kind: 'done' } | { kind: 'later'; at: Date };

export async function recoverSend(
  deps: ServiceDeps,
  sender: MailSender,
  email: OutboundEmail,
  graceMs: number,
): Promise<Recovery> {
  const now = deps.clock();
  const settledAt = new Date(lastSignOfLife(email) + graceMs);
  if (settledAt > now) return { kind: 'later', at: settledAt };
  const account = await deps.store.read((tx) => tx.collection('mailAccounts').get(email.accountId));
  if (!account) {
    await update(deps, email, {
      status: 'failed',
      statusReason:
        'The mail account it was being sent from has been removed; whether it went out is unknown.',
    });
    return { kind: 'done' };
  }
  try {
    const found = await sender.find(account, `<${email.internetMessageId}>`);
    if (found.state === 'sent') {
      await markSent(deps, email, found);
      return { kind: 'done' };
    }
    if (found.state === 'draft') {
      // Deleting is the one step that cannot be taken back: not if the claimer showed life while the mailbox was asked.
      if (!(await isStillAbandoned(deps, email)))
        return { kind: 'later', at: new Date(now.getTime() + graceMs) };
      await sender.deleteDraft(account, found.graphMessageId);
    }
    await update(deps, email, {
      status: 'queued',
      statusReason: 'Sending was interrupted before the email went out; queued again.',
    });
    return { kind: 'done' };
  } catch {
    // The mailbox cannot be asked now; sending again without knowing could send twice.
    return { kind: 'later', at: new Date(now.getTime() + graceMs) };
  }
}

async function isStillAbandoned(deps: ServiceDeps, email: OutboundEmail): Promise<boolean> {
  const current = await deps.store.read((tx) => tx.collection('outboundEmails').get(email.id));
  return isSameClaim(current, email) && current.claimRenewedAt === email.claimRenewedAt;
}

async function update(
  deps: ServiceDeps,
  email: OutboundEmail,
  change: Pick<OutboundEmail, 'status' | 'statusReason'>,
): Promise<void> {
  await deps.store.transact(async (tx) => {
    const current = await tx.collection('outboundEmails').get(email.id);
    // Another instance may have settled this claim while the mailbox was asked, and the email been claimed again;
    // or the claimer renewed it meanwhile, alive after all.
    if (isSameClaim(current, email) && current.claimRenewedAt === email.claimRenewedAt)
      await tx.collection('outboundEmails').put({ ...current, ...change });
  });
}
