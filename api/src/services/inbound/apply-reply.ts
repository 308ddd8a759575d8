import { AppError } from '../../domain/app-error.js';
import { EMAIL_ATTACHMENT_FOLDER, safeFileName } from '../../domain/attachment.js';
import type { Note, SenderVerdict } from '../../domain/note.js';
import { PUBLIC_NOTE_TYPE, isPublicNoteTypeUsable } from '../../domain/note-type.js';
import { formatSrNumber } from '../../domain/service-request.js';
import { findStatus } from '../../domain/status.js';
import type { ApplyReplyInput } from '../../ports/prepare-reply.js';
import type { Transaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';
import { lockRequest } from '../requests/load-request.js';
import { loadSettings } from '../settings/load-settings.js';
import { recordHistory } from '../requests/record-history.js';

// The seed's promise in one transaction: a PUBLIC note with the reply, its attachments in "Other" linked to the note,
// the status policy, the "new reply" flag, the history entry, and the ledger entry that makes it happen once
// (docs/architecture.md §4, "apply"). Used by the mail engine, by Mail Center "link" and by the Outlook add-in.

export type ApplyReplyResult =
  | { outcome: 'filed'; note: Note; statusChange?: { from: string; to: string } }
  | { outcome: 'duplicate'; note: Note }
  /** The SR was closed by the time we got here and the closed policy sends such mail to the Mail Center. */
  | { outcome: 'closed'; status: string };

export async function applyReply(deps: ServiceDeps, input: ApplyReplyInput): Promise<ApplyReplyResult> {
  return deps.store.transact((tx) => applyReplyIn(deps, tx, input));
}

export async function applyReplyIn(
  deps: ServiceDeps,
  tx: Transaction,
  input: ApplyReplyInput,
): Promise<ApplyReplyResult> {
  // Locked first: under row locks (the mail engine's), a second filing of the same email to this SR waits here, then
  // sees the first one's note below.
  const sr = await lockRequest(tx, input.requestId);
  const types = await tx.collection('noteTypes').all();
  if (!isPublicNoteTypeUsable(types)) {
    throw new AppError(
      'precondition_failed',
      `Service messaging needs a note type with code ${PUBLIC_NOTE_TYPE.code} and access level User (Administration > General > Type).`,
    );
  }
  const now = deps.clock().toISOString();
  const messageId = input.email.internetMessageId;
  // Idempotent per (internetMessageId, SR): the same email reaching two mailboxes, or filed from Outlook after the
  // engine filed it, is one note.
  const existing = messageId
    ? (await tx.collection('notes').byMessageId(messageId)).find(
        (n) => n.requestId === sr.id && n.email?.internetMessageId === messageId,
      )
    : undefined;
  if (existing) {
    await finish(tx, input, now, { requestId: sr.id, noteId: existing.id });
    return { outcome: 'duplicate', note: existing };
  }
  const settings = await loadSettings(tx);
  const current = findStatus(settings.statuses, sr.status);
  if (current?.isClosed && !input.manual && settings.closedPolicy === 'mail-center')
    return { outcome: 'closed', status: sr.status };

  const type = types.find((t) => t.code === PUBLIC_NOTE_TYPE.code) ?? PUBLIC_NOTE_TYPE;
  const sender = input.email.from;
  const note = await tx.collection('notes').insert({
    id: deps.newId(),
    requestId: sr.id,
    typeCode: type.code,
    accessLevel: type.accessLevel,
    source: input.source,
    bodyHtml: input.reply.html,
    bodyText: input.reply.text,
    author: {
      id: `email:${sender.address.toLowerCase()}`,
      name: sender.name || sender.address,
      email: sender.address,
    },
    createdAt: now,
    email: {
      from: sender,
      subject: input.email.subject,
      receivedAt: input.email.receivedAt,
      ...(messageId ? { internetMessageId: messageId } : {}),
      signal: input.signal,
      ...(input.authentication ? { authentication: input.authentication } : {}),
      ...(input.original
        ? { originalRef: input.original.ref, originalContentType: input.original.contentType }
        : {}),
      ...(input.reply.elidedHtml ? { elidedHtml: input.reply.elidedHtml } : {}),
    },
  });
  for (const file of input.attachments) {
    await tx.collection('attachments').insert({
      id: file.id,
      requestId: sr.id,
      folder: EMAIL_ATTACHMENT_FOLDER,
      fileName: safeFileName(file.fileName),
      contentType: file.contentType || 'application/octet-stream',
      size: file.size,
      sha256: file.sha256,
      noteId: note.id,
      uploadedBy: note.author.name,
      createdAt: now,
    });
  }

  const target = input.applyStatusPolicy
    ? nextStatus(settings, sr.status, current?.isClosed ?? false)
    : undefined;
  await tx
    .collection('requests')
    .put({ ...sr, ...(target ? { status: target } : {}), hasNewEmailReply: true, updatedAt: now });

  const who = sender.name ? `${sender.name} <${sender.address}>` : sender.address;
  const details = {
    noteId: note.id,
    subject: input.email.subject,
    from: sender.address,
    signal: input.signal,
    ...(input.authentication ? { authentication: input.authentication.outcome } : {}),
    source: input.source,
    attachments: input.attachments.length,
    ...(messageId ? { internetMessageId: messageId } : {}),
  };
  await recordHistory(
    deps,
    tx,
    input.manual
      ? {
          requestId: sr.id,
          kind: 'linked-manually',
          summary: `Email "${input.email.subject}" from ${who} ${input.source === 'addin' ? 'filed from Outlook' : 'linked manually'} by ${input.actor.name}; note created as a response to the email`,
          actor: input.actor,
          details,
        }
      : {
          requestId: sr.id,
          kind: 'note-from-email',
          summary: `Note created as a response to the email "${input.email.subject}" from ${who} (${input.signal})${unauthenticated(input.authentication)}`,
          actor: input.actor,
          details,
        },
  );
  if (target) {
    await recordHistory(deps, tx, {
      requestId: sr.id,
      kind: 'status-changed',
      summary: `Status changed from ${sr.status} to ${target} (reply by email on ${formatSrNumber(sr.id)})`,
      actor: input.actor,
      details: { from: sr.status, to: target, reason: 'email-reply' },
    });
  }
  await finish(tx, input, now, { requestId: sr.id, noteId: note.id });
  return { outcome: 'filed', note, ...(target ? { statusChange: { from: sr.status, to: target } } : {}) };
}

/** The status a reply moves the SR to, or undefined to leave it (seed: "set a chosen status"). */
function nextStatus(
  settings: Awaited<ReturnType<typeof loadSettings>>,
  status: string,
  isClosed: boolean,
): string | undefined {
  const wanted =
    isClosed && settings.closedPolicy === 'reopen'
      ? settings.reopenStatus
      : settings.replyStatusPolicy[status];
  const found = wanted ? findStatus(settings.statuses, wanted) : undefined;
  return found && found.name !== status ? found.name : undefined;
}

async function finish(
  tx: Transaction,
  input: ApplyReplyInput,
  now: string,
  filed: { requestId: number; noteId: string },
): Promise<void> {
  if (input.ledger)
    await tx.collection('processedMessages').put({ ...input.ledger, outcome: 'note', ...filed });
  if (input.mailCenterItem) {
    const item = await tx.collection('mailCenter').getForUpdate(input.mailCenterItem.id);
    if (!item) return;
    if (input.mailCenterItem.state === 'resolved') {
      // A processing failure that has now gone through: the note is the record; the failure item has served.
      await tx.collection('mailCenter').delete(item.id);
      return;
    }
    await tx.collection('mailCenter').put({
      ...item,
      state: input.mailCenterItem.state,
      resolution: { by: { id: input.actor.id, name: input.actor.name }, at: now, ...filed },
      updatedAt: now,
    });
  }
}

/** A signed signal files mail the server could not vouch for (the token is the secret); the history says so. */
function unauthenticated(verdict: SenderVerdict | undefined): string {
  return verdict && (verdict.outcome === 'fail' || verdict.outcome === 'unverified')
    ? ` — ${verdict.summary}`
    : '';
}
