import { messageKey } from '../../domain/message-key.js';
import type { SenderVerdict } from '../../domain/note.js';
import type { ProcessedMessage } from '../../domain/processed-message.js';
import { MAX_ATTACHMENT_BYTES } from '../attachments/upload-attachment.js';
import type { ServiceDeps } from '../deps.js';
import { applyReply, type ApplyReplyResult } from '../inbound/apply-reply.js';
import { prepareReply } from '../inbound/prepare-reply.js';
import type { MailCenterAction } from './open-mail-center-action.js';

// A Mail Center item filed on an SR through the same prepare and apply steps as the engine, writing the ledger, so the
// engine never imports the same email again when it is still unread in the mailbox.

export type FilingTarget = {
  requestId: number;
  signal: string;
  actor: { id: string; name: string };
  manual: boolean;
  applyStatusPolicy: boolean;
  state: 'linked' | 'created';
  authentication?: SenderVerdict;
};

export async function fileMailCenterItem(
  deps: ServiceDeps,
  { item, original, settings, reader }: MailCenterAction,
  target: FilingTarget,
): Promise<ApplyReplyResult> {
  const prepared = await prepareReply(deps, {
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
      // The cap per attachment the engine uses too (mail/engine-limits.ts).
      maxFileBytes: MAX_ATTACHMENT_BYTES,
    },
    original: { ref: item.originalRef, contentType: item.originalContentType },
    understand: reader.understand,
    readTimeLimitMs: reader.readTimeLimitMs,
  });
  const { key, contentHash } = messageKey(item.mailbox, original.message);
  const existing = await deps.store.read((tx) => tx.collection('processedMessages').get(key));
  const now = deps.clock().toISOString();
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
  return applyReply(deps, { ...prepared, ledger, mailCenterItem: { id: item.id, state: target.state } });
}
