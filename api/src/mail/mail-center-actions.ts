import type { Logger } from 'pino';
import { AppError, notFound } from '../domain/app-error.js';
import type { MailCenterItem } from '../domain/mail-center-item.js';
import type { Note, SenderVerdict } from '../domain/note.js';
import type { ProcessedMessage } from '../domain/processed-message.js';
import type { ServiceRequest } from '../domain/service-request.js';
import type { Settings } from '../domain/settings.js';
import { applyReply, type ApplyReplyResult } from '../services/inbound/apply-reply.js';
import { createRequest } from '../services/requests/create-request.js';
import type { ServiceDeps } from '../services/deps.js';
import { loadSettings } from '../services/settings/load-settings.js';
import { reopenRequest } from '../services/requests/reopen-request.js';
import type { ClassifyContext } from '../reply/classify.js';
import { decide, type Decision } from '../services/inbound/decide.js';
import { checkBlockedTypes } from '../services/inbound/check-limits.js';
import { messageKey } from './message-key.js';
import type { Actor, LinkStatus } from '../ports/mail-engine.js';
import type { Mailbox } from '../ports/mailbox.js';
import { prepareReply } from '../services/inbound/prepare-reply.js';
import { assessSender, type SenderTrust } from '../reply/sender-authenticity.js';
import { readOriginal, type Original } from '../services/mail-center/read-original.js';
import { readBody, tooComplexEvidence } from './understand/read-body.js';
import { understand } from './understand/understand.js';
import type { EngineLimits } from './sync-context.js';

// Mail Center actions that need the pipeline: link to an SR, create an SR from the email, reprocess after a
// configuration fix. Each files through the same apply step as the engine and writes the ledger, so the engine never
// imports the same email again when it is still unread in the mailbox.

export type ActionContext = {
  deps: ServiceDeps;
  logger: Logger;
  limits: EngineLimits;
  classify: (accountId: string) => Promise<Omit<ClassifyContext, 'recent'>>;
  /** Which Authentication-Results stamp the account's mail server writes (sender-authenticity.ts); undefined for a deleted account. */
  trustFor: (accountId: string) => Promise<SenderTrust | undefined>;
  mailboxFor: (accountId: string) => Mailbox | undefined;
};

export async function linkItem(
  ctx: ActionContext,
  itemId: string,
  requestId: number,
  actor: Actor,
  status: LinkStatus = 'policy',
): Promise<{ item: MailCenterItem; note: Note }> {
  const item = await openItem(ctx, itemId);
  const { original, settings } = await load(ctx, item);
  const result = await file(ctx, item, original, settings, {
    requestId,
    signal: 'manual',
    actor,
    manual: true,
    applyStatusPolicy: status === 'policy',
    state: 'linked',
  });
  if (result.outcome === 'closed') throw new AppError('conflict', 'The request is closed.');
  if (status === 'reopen') await reopenRequest(ctx.deps, requestId, actor);
  return { item: await reload(ctx, itemId), note: result.note };
}

export async function createRequestFromItem(
  ctx: ActionContext,
  itemId: string,
  actor: Actor,
): Promise<{ item: MailCenterItem; request: ServiceRequest; note: Note }> {
  const item = await openItem(ctx, itemId);
  const { original, settings } = await load(ctx, item);
  const sender = original.message.from;
  const request = await createRequest(ctx.deps, actor, {
    title: (original.message.subject || '(no subject)').slice(0, 200),
    description: `Created from an email from ${sender.name ? `${sender.name} <${sender.address}>` : sender.address} in the Mail Center.`,
    requester: { name: sender.name || sender.address, email: sender.address },
    participants: [],
    priority: 'Medium',
  });
  const result = await file(ctx, item, original, settings, {
    requestId: request.id,
    signal: 'manual',
    actor,
    manual: true,
    applyStatusPolicy: false,
    state: 'created',
  });
  if (result.outcome === 'closed') throw new AppError('conflict', 'The request is closed.');
  return { item: await reload(ctx, itemId), request, note: result.note };
}

export async function reprocessItem(
  ctx: ActionContext,
  itemId: string,
  actor: Actor,
): Promise<MailCenterItem> {
  const item = await openItem(ctx, itemId);
  const { original, settings } = await load(ctx, item);
  const read = await readBody(original.message, ctx.limits.readTimeLimitMs);
  const classify = await ctx.classify(item.accountId);
  // An account deleted since: no server to believe, so only a signed signal can file it.
  const trust: SenderTrust = (await ctx.trustFor(item.accountId)) ?? { kind: 'authserv-ids', ids: [] };
  const authenticity = assessSender(read.message, { trust, ownDomains: classify.ownMessageIdDomains });
  let decision: Decision =
    read.kind === 'too-complex'
      ? { kind: 'mail-center', reason: 'too-complex', evidence: tooComplexEvidence(read), candidates: [] }
      : await decide(ctx.deps, { message: read.message, settings, classify, authenticity });
  if (decision.kind === 'note') decision = checkBlockedTypes(decision, original.message, settings);
  if (decision.kind === 'note') {
    const authentication = { outcome: decision.authenticity.outcome, summary: decision.authenticity.summary };
    const result = await file(ctx, item, original, settings, {
      requestId: decision.requestId,
      signal: decision.signal,
      actor,
      manual: false,
      applyStatusPolicy: true,
      state: 'linked',
      authentication,
    });
    if (result.outcome !== 'closed') return reload(ctx, itemId);
    decision = {
      kind: 'mail-center',
      reason: 'sr-closed',
      evidence: [...decision.evidence, `The request is ${result.status}.`],
      candidates: [decision.requestId],
    };
  }
  const held = decision;
  return ctx.deps.store.transact(async (tx) => {
    const current = await tx.collection('mailCenter').get(itemId);
    if (!current) throw notFound('Mail Center item', itemId);
    const updated: MailCenterItem = {
      ...current,
      reason: held.reason,
      evidence: held.evidence,
      candidateRequestIds: held.candidates,
      attempts: 0,
      updatedAt: ctx.deps.clock().toISOString(),
    };
    delete updated.errorId;
    delete updated.nextAttemptAt;
    await tx.collection('mailCenter').put(updated);
    return updated;
  });
}

async function openItem(ctx: ActionContext, itemId: string): Promise<MailCenterItem> {
  const item = await ctx.deps.store.read((tx) => tx.collection('mailCenter').get(itemId));
  if (!item) throw notFound('Mail Center item', itemId);
  // An ignored item (a stranger's email under "participants only") can still be filed by an agent who finds it.
  if (item.state !== 'open' && item.state !== 'ignored')
    throw new AppError('conflict', `This email was already ${item.state}.`);
  return item;
}

async function reload(ctx: ActionContext, itemId: string): Promise<MailCenterItem> {
  const item = await ctx.deps.store.read((tx) => tx.collection('mailCenter').get(itemId));
  if (!item) throw notFound('Mail Center item', itemId);
  return item;
}

async function load(
  ctx: ActionContext,
  item: MailCenterItem,
): Promise<{ original: Original; settings: Settings }> {
  const [original, settings] = await Promise.all([
    readOriginal(ctx.deps, item, () => ctx.mailboxFor(item.accountId)),
    ctx.deps.store.read((tx) => loadSettings(tx)),
  ]);
  // The id the engine listed is the one its ledger uses; a MIME parse may present it differently.
  if (item.internetMessageId)
    original.message = { ...original.message, internetMessageId: item.internetMessageId };
  return { original, settings };
}

async function file(
  ctx: ActionContext,
  item: MailCenterItem,
  original: Original,
  settings: Settings,
  target: {
    requestId: number;
    signal: string;
    actor: Actor;
    manual: boolean;
    applyStatusPolicy: boolean;
    state: 'linked' | 'created';
    authentication?: SenderVerdict;
  },
): Promise<ApplyReplyResult> {
  const prepared = await prepareReply(ctx.deps, {
    message: original.message,
    sources: original.sources,
    target: {
      requestId: target.requestId,
      signal: target.signal,
      source: 'email',
      actor: target.actor,
      manual: target.manual,
      applyStatusPolicy: target.applyStatusPolicy,
      ...(target.authentication ? { authentication: target.authentication } : {}),
    },
    policy: {
      blockList: settings.attachmentBlockList,
      blockedAction: settings.blockedAttachmentAction,
      maxFileBytes: ctx.limits.maxAttachmentBytes,
    },
    original: { ref: item.originalRef, contentType: item.originalContentType },
    understand,
    readTimeLimitMs: ctx.limits.readTimeLimitMs,
  });
  const { key, contentHash } = messageKey(item.mailbox, original.message);
  const existing = await ctx.deps.store.read((tx) => tx.collection('processedMessages').get(key));
  const now = ctx.deps.clock().toISOString();
  const ledger: Omit<ProcessedMessage, 'outcome' | 'requestId' | 'noteId' | 'mailCenterItemId'> = existing
    ? {
        id: existing.id,
        accountId: existing.accountId,
        mailbox: existing.mailbox,
        afterStep: existing.afterStep,
        processedAt: existing.processedAt,
        ...(existing.internetMessageId ? { internetMessageId: existing.internetMessageId } : {}),
        ...(existing.contentHash ? { contentHash: existing.contentHash } : {}),
        ...(existing.graphMessageId ? { graphMessageId: existing.graphMessageId } : {}),
        ...(existing.finishedAt ? { finishedAt: existing.finishedAt } : {}),
      }
    : {
        id: key,
        accountId: item.accountId,
        mailbox: item.mailbox,
        afterStep: 'pending',
        processedAt: now,
        ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
        ...(contentHash ? { contentHash } : {}),
        ...(item.graphMessageId ? { graphMessageId: item.graphMessageId } : {}),
      };
  return applyReply(ctx.deps, { ...prepared, ledger, mailCenterItem: { id: item.id, state: target.state } });
}
