import type { Attachment } from '../../domain/attachment.js';
import type { MailAccount } from '../../domain/mail-account.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import { outboundHeaders } from '../../domain/outbound-message.js';
import { retryDelayMs, sendingSlotFreeAt, type OutboundPolicy } from '../../domain/outbound-policy.js';
import type { ServiceDeps } from '../../services/deps.js';
import { recordHistory } from '../../services/requests/record-history.js';
import {
  MailSendError,
  type MailSender,
  type OutgoingAttachment,
  type SentMail,
} from '../../ports/mail-sender.js';

// One try at sending one queued email. The claim (queued -> sending) is a transaction of its own, and so is the
// outcome, so a crash in between leaves a 'sending' record that recover-send.ts resolves by looking in the mailbox.

const MAX_RULE_ATTEMPTS = 5;

/** A claimed email with what sending it needs, read in the claim's transaction. */
export type ClaimedEmail = {
  email: OutboundEmail;
  account: MailAccount | undefined;
  attachments: Array<Attachment | undefined>;
};

export type Claim =
  | ({ kind: 'claimed' } & ClaimedEmail)
  | { kind: 'wait'; until: Date; mailboxBusy: boolean }
  | { kind: 'not-queued' };

/**
 * Takes a queued email for sending if its retry time has come and its mailbox has a free slot this minute. The slot
 * is counted from the store (the mailbox's attempts in the last minute, read in this transaction), so the budget is
 * the whole cluster's. Claims for one mailbox are serialised cluster-wide: instances working through the same queue
 * then wait their turn for a moment instead of aborting each other's claims. `accountId` only picks that lock;
 * what is claimed is decided on the record read inside the transaction. The account and attachments are read in
 * the same transaction: between the claim and Graph nothing touches the database, so a database gone after the
 * claim cannot stop an email that was never sent (the agent would be told to try again while the claim waits).
 */
export async function claimOutbound(
  deps: ServiceDeps,
  policy: OutboundPolicy,
  id: number,
  accountId: string,
): Promise<Claim> {
  return deps.store.transact(
    async (tx) => {
      const emails = tx.collection('outboundEmails');
      const email = await emails.get(id);
      if (email?.status !== 'queued') return { kind: 'not-queued' };
      const now = deps.clock();
      if (email.notBefore && new Date(email.notBefore) > now)
        return { kind: 'wait', until: new Date(email.notBefore), mailboxBusy: false };
      // Only the last minute counts towards the sending rate (sendingSlotFreeAt), so only it is read.
      const since = new Date(now.getTime() - 60_000).toISOString();
      const attempts = (await emails.attemptedSince(email.accountId, since)).map((e) => e.attemptedAt ?? '');
      const freeAt = sendingSlotFreeAt(attempts, now, policy.perMailboxPerMinute);
      if (freeAt) return { kind: 'wait', until: freeAt, mailboxBusy: true };
      const { notBefore: _notBefore, statusReason: _reason, claimRenewedAt: _renewed, ...rest } = email;
      const claimed: OutboundEmail = {
        ...rest,
        status: 'sending',
        attempts: email.attempts + 1,
        attemptedAt: now.toISOString(),
      };
      await emails.put(claimed);
      const account = await tx.collection('mailAccounts').get(email.accountId);
      // One after another: a transaction's queries share one database connection.
      const attachments = [];
      for (const attachmentId of email.attachmentIds)
        attachments.push(await tx.collection('attachments').get(attachmentId));
      return { kind: 'claimed', email: claimed, account, attachments };
    },
    { serialiseOn: `outbound:${accountId}` },
  );
}

/**
 * Whether `current` is still the claim `email` was sent under: its attempt number is the claim's fencing token. A
 * claim that outlived the recovery grace may have been settled by another instance and claimed again since; the old
 * claimer's outcome must not overwrite the new claim.
 */
export function isSameClaim(
  current: OutboundEmail | undefined,
  email: OutboundEmail,
): current is OutboundEmail {
  return current?.status === 'sending' && current.attempts === email.attempts;
}

/** Sends a claimed email and records what happened. */
export async function deliverOutbound(
  deps: ServiceDeps,
  sender: MailSender,
  { email, account, attachments }: ClaimedEmail,
): Promise<OutboundEmail> {
  const present = attachments.flatMap((a) => (a ? [a] : []));
  const problem = !account
    ? 'The mail account it was to be sent from has been removed.'
    : !account.serviceMessaging
      ? `Service Messaging was turned off for ${account.emailAddress}.`
      : present.length < attachments.length
        ? 'One of its attachments has been deleted from the SR.'
        : undefined;
  if (problem || !account)
    return markFailed(deps, email, new MailSendError(problem ?? 'No account.', { transient: false }));
  const outgoing: OutgoingAttachment[] = present.map((a) => ({
    name: a.fileName,
    contentType: a.contentType,
    size: a.size,
    open: () => deps.blobs.open(a.sha256),
  }));
  let sent: SentMail;
  try {
    sent = await sender.send(account, {
      to: email.to,
      cc: email.cc,
      subject: email.subject,
      bodyHtml: email.bodyHtml,
      internetMessageId: `<${email.internetMessageId}>`,
      headers: outboundHeaders({
        token: email.token,
        trigger: email.trigger,
        fromAddress: email.from.address,
      }),
      autoSubmitted: email.trigger !== 'manual',
      attachments: outgoing,
    });
  } catch (error) {
    return markFailed(deps, email, error);
  }
  // It went out. Failing to record that (the database gone for a moment) is no failure to send: recorded as failed,
  // or answered as an error, it would be sent again by whoever retries it. The claim stays 'sending' instead, and
  // recover-send.ts finds our Message-ID in Sent Items once the grace has passed.
  return markSent(deps, email, sent).catch(() => email);
}

export async function markSent(
  deps: ServiceDeps,
  email: OutboundEmail,
  sent: SentMail,
): Promise<OutboundEmail> {
  return deps.store.transact(async (tx) => {
    const current = await tx.collection('outboundEmails').get(email.id);
    if (current?.status === 'sent') return current;
    // Claimed again by another attempt (this send outlived its claim): that attempt records its own outcome.
    if (current?.status === 'sending' && !isSameClaim(current, email)) return current;
    const record: OutboundEmail = {
      ...email,
      status: 'sent',
      sentAt: deps.clock().toISOString(),
      graphMessageId: sent.graphMessageId,
      ...(sent.conversationId ? { conversationId: sent.conversationId } : {}),
    };
    await tx.collection('outboundEmails').put(record);
    const recipients = [...email.to, ...email.cc].map((r) => r.address);
    await recordHistory(deps, tx, {
      requestId: email.requestId,
      kind: 'email-sent',
      summary: `Email "${email.subject}" sent to ${recipients.join(', ')}`,
      actor: email.actor,
      details: {
        outboundId: email.id,
        trigger: email.trigger,
        ...(email.ruleId ? { ruleId: email.ruleId } : {}),
        ...(email.templateId ? { templateId: email.templateId } : {}),
        from: email.from.address,
        to: email.to.map((r) => r.address),
        cc: email.cc.map((r) => r.address),
        internetMessageId: email.internetMessageId,
        attachmentIds: email.attachmentIds,
      },
    });
    return record;
  });
}

/**
 * A rule email that failed for a passing reason waits and goes back in the queue; an agent's email fails at once
 * (they see the error and decide). A send that may have happened stays 'sending' until the mailbox is checked.
 */
async function markFailed(deps: ServiceDeps, email: OutboundEmail, error: unknown): Promise<OutboundEmail> {
  const failure =
    error instanceof MailSendError
      ? error
      : new MailSendError(`Sending failed: ${(error as Error).message ?? String(error)}`, {
          transient: false,
          cause: error,
        });
  if (failure.maybeSent) return email;
  return deps.store.transact(async (tx) => {
    const current = await tx.collection('outboundEmails').get(email.id);
    if (!isSameClaim(current, email)) return current ?? email;
    const now = deps.clock();
    if (failure.transient && email.trigger !== 'manual' && email.attempts < MAX_RULE_ATTEMPTS) {
      const retry: OutboundEmail = {
        ...email,
        status: 'queued',
        statusReason: `Attempt ${email.attempts} failed: ${failure.message} Trying again.`,
        notBefore: new Date(now.getTime() + retryDelayMs(email.attempts, failure.retryAfterMs)).toISOString(),
      };
      return tx.collection('outboundEmails').put(retry);
    }
    const failed: OutboundEmail = { ...email, status: 'failed', statusReason: failure.message };
    await tx.collection('outboundEmails').put(failed);
    await recordHistory(deps, tx, {
      requestId: email.requestId,
      kind: 'email-stopped',
      summary: `Email "${email.subject}" could not be sent: ${failure.message}`,
      actor: email.actor,
      details: { outboundId: email.id, status: 'failed', reason: failure.message },
    });
    return failed;
  });
}
