import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../domain/history.js';
import type { MailCenterItem } from '../domain/mail-center-item.js';
import type { MailMessage } from '../domain/mail-message.js';
import type { ProcessedMessage } from '../domain/processed-message.js';
import { isNotFound } from '../ports/graph-error.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';
import { LeaseLostError } from '../ports/coordination.js';
import { applyReplyIn } from '../services/inbound/apply-reply.js';
import { currentRateLimits } from '../services/settings/current-rate-limits.js';
import {
  recordMailCenterItemIn,
  recordProcessingFailure,
} from '../services/mail-center/record-mail-center-item.js';
import { decide, strangerState, type Decision } from '../services/inbound/decide.js';
import { mailCenterItem } from '../services/inbound/hold-message.js';
import { checkLimits } from '../services/inbound/check-limits.js';
import { messageKey } from '../domain/message-key.js';
import { readListed, type ListedContent } from '../services/inbound/listed-content.js';
import type { ListedMessage } from '../ports/mailbox.js';
import { prepareReply } from '../services/inbound/prepare-reply.js';
import { assessSender, senderBucket, senderTrust } from '../reply/sender-authenticity.js';
import type { SyncContext } from './sync-context.js';
import { readBody, tooComplexEvidence } from '../services/inbound/read-body.js';
import { understand } from './understand/understand.js';

// One listed message through the pipeline (docs/architecture.md §4): ledger -> normalise -> classify -> match -> check ->
// extract -> apply | Mail Center. Whatever it throws, the message is not lost: it stays unread and a processing-failed
// item says so until a later attempt goes through, or the attempts run out and it waits for a person.

export type MessageOutcome = { key: string } & (
  | { kind: 'note' | 'mail-center' | 'already'; afterStep: true }
  | { kind: 'failed'; afterStep: boolean }
  /** Waiting for its next attempt, or gone from the mailbox meanwhile (moved or deleted by someone, docs/graph-behaviour.md C16). */
  | { kind: 'deferred' | 'gone'; afterStep: false }
  /** Could not be read this time (the connection dropped mid-fetch): nothing recorded, read again next round. */
  | { kind: 'unreadable'; afterStep: false }
);

type LedgerBase = Omit<ProcessedMessage, 'outcome' | 'requestId' | 'noteId' | 'mailCenterItemId'>;

export async function handleMessage(ctx: SyncContext, listed: ListedMessage): Promise<MessageOutcome> {
  const { deps } = ctx;
  let content: ListedContent;
  try {
    content = await readListed(deps, ctx.mailbox, listed, ctx.limits.maxMessageBytes);
  } catch (error) {
    // Not read at all (gone, or the connection dropped mid-fetch): nothing was recorded; a later round reads it again.
    if (isGone(error)) return { key: listed.id, kind: 'gone', afterStep: false };
    if (isMailTransportError(error) && error.transient) {
      ctx.logger.warn(
        { err: error, mailbox: ctx.mailbox.address },
        'an email could not be read; it is read again in the next round',
      );
      return { key: listed.id, kind: 'unreadable', afterStep: false };
    }
    throw error;
  }
  const { message } = content;
  const mailboxKey = ctx.account.userPrincipalName.toLowerCase();
  const { key, contentHash } = messageKey(mailboxKey, message);
  const [done, failure] = await deps.store.read(
    async (tx) =>
      [
        await tx.collection('processedMessages').get(key),
        (
          await tx
            .collection('mailCenter')
            .ofMailbox(mailboxKey, { state: 'open', reason: 'processing-failed' })
        ).find((i) => sameMessage(i, message, listed.id)),
      ] as const,
  );
  if (done) return { key, kind: 'already', afterStep: true };
  const now = deps.clock();
  if (failure?.nextAttemptAt && Date.parse(failure.nextAttemptAt) > now.getTime())
    return { key, kind: 'deferred', afterStep: false };
  const ledger: LedgerBase = {
    id: key,
    accountId: ctx.account.id,
    mailbox: mailboxKey,
    ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
    ...(contentHash ? { contentHash } : {}),
    ...(listed.format === 'graph'
      ? { graphMessageId: listed.id }
      : { imapUidValidity: listed.imap.uidValidity, imapUid: listed.imap.uid }),
    afterStep: 'pending',
    processedAt: now.toISOString(),
  };
  try {
    return { key, kind: await importMessage(ctx, listed, content, ledger, failure), afterStep: true };
  } catch (error) {
    if (isGone(error)) {
      ctx.logger.info({ mailbox: mailboxKey, messageId: listed.id }, 'message gone before it was imported');
      return { key, kind: 'gone', afterStep: false };
    }
    // Another instance has the mailbox now: it reads this email again; writing a failure here would be a fenced write.
    if (error instanceof LeaseLostError) throw error;
    return recordFailure(ctx, listed, content, ledger, failure, error);
  }
}

function isGone(error: unknown): boolean {
  return isNotFound(error) || (isMailTransportError(error) && error.kind === 'gone');
}

async function importMessage(
  ctx: SyncContext,
  listed: ListedMessage,
  content: ListedContent,
  ledger: LedgerBase,
  failure: MailCenterItem | undefined,
): Promise<'note' | 'mail-center'> {
  const { deps, settings, limits } = ctx;
  const read = await readBody(understand, content.message, limits.readTimeLimitMs);
  if (read.kind === 'too-complex') {
    ctx.logger.warn(
      {
        mailbox: ctx.mailbox.address,
        internetMessageId: read.message.internetMessageId,
        limitMs: read.limitMs,
      },
      'an email took too long to read; it is held in the Mail Center as too-complex',
    );
  }
  // Every check below reuses the rendering made in the worker; nothing parses the body on this thread.
  const { message } = read;
  const authenticity = assessSender(message, {
    trust: senderTrust(ctx.account),
    ownDomains: ctx.classify.ownMessageIdDomains,
  });
  // Counted per authenticated sender: forged mail claiming a customer's address uses up only its own allowance.
  const recent = ctx.countSender(senderBucket(message.from.address, authenticity));
  let decision: Decision =
    read.kind === 'too-complex'
      ? { kind: 'mail-center', reason: 'too-complex', evidence: tooComplexEvidence(read), candidates: [] }
      : await decide(deps, {
          message,
          settings,
          classify: {
            ...ctx.classify,
            recent: { count: recent, limit: currentRateLimits(deps, settings).inboundPerSenderPerHour },
          },
          authenticity,
        });
  if (decision.kind === 'note')
    decision = checkLimits(decision, message, {
      limits,
      settings,
      ...(content.tooLarge ? { tooLarge: content.tooLarge } : {}),
    });
  const base = { accountId: ctx.account.id, mailbox: ledger.mailbox, graphMessageId: listed.id, message };

  if (decision.kind === 'mail-center') {
    const original = await content.heldOriginal(limits.maxMessageBytes * 2);
    const item = mailCenterItem({
      ...base,
      reason: decision.reason,
      evidence: decision.evidence,
      candidates: decision.candidates,
      original,
    });
    const state = decision.reason === 'unknown-sender' ? strangerState(settings) : 'open';
    await ctx.committer.commit((tx) =>
      recordMailCenterItemIn(deps, tx, { item, state, ledger, ...(failure ? { replaces: failure.id } : {}) }),
    );
    return 'mail-center';
  }

  const original = await content.noteOriginal();
  const prepared = await prepareReply(deps, {
    message,
    sources: content.sources,
    target: {
      requestId: decision.requestId,
      signal: decision.signal,
      source: 'email',
      actor: SYSTEM_ACTOR,
      manual: false,
      applyStatusPolicy: true,
      authentication: { outcome: decision.authenticity.outcome, summary: decision.authenticity.summary },
    },
    policy: {
      blockList: settings.attachmentBlockList,
      blockedAction: settings.blockedAttachmentAction,
      maxFileBytes: limits.maxAttachmentBytes,
    },
    original,
    ...(read.kind === 'read' ? { first: read.understood.reply } : {}),
    understand,
    readTimeLimitMs: limits.readTimeLimitMs,
  });
  const evidence = decision.evidence;
  return ctx.committer.commit(async (tx) => {
    const result = await applyReplyIn(deps, tx, {
      ...prepared,
      ledger,
      ...(failure ? { mailCenterItem: { id: failure.id, state: 'resolved' as const } } : {}),
    });
    if (result.outcome !== 'closed') return 'note';
    // Closed while we were preparing, and the policy holds replies to closed SRs.
    const item = mailCenterItem({
      ...base,
      reason: 'sr-closed',
      evidence: [...evidence, `The request is ${result.status}.`],
      candidates: [prepared.requestId],
      original,
    });
    await recordMailCenterItemIn(deps, tx, { item, ledger, ...(failure ? { replaces: failure.id } : {}) });
    return 'mail-center';
  });
}

async function recordFailure(
  ctx: SyncContext,
  listed: ListedMessage,
  content: ListedContent,
  ledger: LedgerBase,
  failure: MailCenterItem | undefined,
  error: unknown,
): Promise<MessageOutcome> {
  const { message } = content;
  const errorId = randomUUID();
  ctx.logger.error(
    { err: error, errorId, mailbox: ledger.mailbox, internetMessageId: message.internetMessageId },
    'processing an email failed; it stays unread and is tried again',
  );
  const attempts = (failure?.attempts ?? 0) + 1;
  const final = attempts >= ctx.limits.maxAttempts;
  const original = failure
    ? { ref: failure.originalRef, contentType: failure.originalContentType }
    : await content.failureOriginal();
  const { reason: _reason, ...item } = mailCenterItem({
    accountId: ctx.account.id,
    mailbox: ledger.mailbox,
    graphMessageId: listed.id,
    message,
    reason: 'processing-failed',
    evidence: [`Processing failed (error id ${errorId}); attempt ${attempts} of ${ctx.limits.maxAttempts}.`],
    candidates: [],
    original,
  });
  const delay = Math.min(ctx.limits.retryMaxMs, ctx.limits.retryBaseMs * 2 ** (attempts - 1));
  await recordProcessingFailure(ctx.deps, {
    ...(failure ? { existing: failure } : {}),
    item,
    errorId,
    ...(final ? { ledger } : { nextAttemptAt: new Date(ctx.deps.clock().getTime() + delay).toISOString() }),
  });
  return { key: ledger.id, kind: 'failed', afterStep: final };
}

function sameMessage(item: MailCenterItem, message: MailMessage, graphId: string): boolean {
  return message.internetMessageId
    ? item.internetMessageId === message.internetMessageId
    : item.graphMessageId === graphId;
}
