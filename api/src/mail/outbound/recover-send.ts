import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { ServiceDeps } from '../../services/deps.js';
import type { MailSender } from '../ports/mail-sender.js';
import { isSameClaim, markSent } from './attempt-send.js';

// A record still 'sending' that nobody is working on was interrupted (a crash, or an unconfirmed send). Our own
// Message-ID tells whether it went out: sent -> record it; a draft -> delete it and queue again; nothing -> queue
// again, but only after the Sent Items copy has had time to appear (it can lag the send, docs/graph-behaviour.md C11).

export type Recovery = { kind: 'done' } | { kind: 'later'; at: Date };

export async function recoverSend(deps: ServiceDeps, sender: MailSender, email: OutboundEmail, graceMs: number): Promise<Recovery> {
  const now = deps.clock();
  const settledAt = new Date(new Date(email.attemptedAt ?? email.queuedAt).getTime() + graceMs);
  if (settledAt > now) return { kind: 'later', at: settledAt };
  const account = await deps.store.read((tx) => tx.collection('mailAccounts').get(email.accountId));
  if (!account) {
    await update(deps, email, { status: 'failed', statusReason: 'The mail account it was being sent from has been removed; whether it went out is unknown.' });
    return { kind: 'done' };
  }
  try {
    const found = await sender.find(account, `<${email.internetMessageId}>`);
    if (found.state === 'sent') {
      await markSent(deps, email, found);
      return { kind: 'done' };
    }
    if (found.state === 'draft') await sender.deleteDraft(account, found.graphMessageId);
    await update(deps, email, { status: 'queued', statusReason: 'Sending was interrupted before the email went out; queued again.' });
    return { kind: 'done' };
  } catch {
    // The mailbox cannot be asked now; sending again without knowing could send twice.
    return { kind: 'later', at: new Date(now.getTime() + graceMs) };
  }
}

async function update(deps: ServiceDeps, email: OutboundEmail, change: Pick<OutboundEmail, 'status' | 'statusReason'>): Promise<void> {
  await deps.store.transact(async (tx) => {
    const current = await tx.collection('outboundEmails').get(email.id);
    // Another instance may have settled this claim while the mailbox was asked, and the email been claimed again.
    if (isSameClaim(current, email)) await tx.collection('outboundEmails').put({ ...current, ...change });
  });
}
