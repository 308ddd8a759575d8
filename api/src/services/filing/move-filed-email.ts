import { AppError } from '../../domain/app-error.js';
import type { Note } from '../../domain/note.js';
import type { Principal } from '../../domain/principal.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import type { Transaction } from '../../ports/store.js';
import { alreadyFiled } from './already-filed.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';
import { findFilings } from './lookup-email.js';
import { recordHistory } from '../requests/record-history.js';

export type MovedEmail = { from: ServiceRequest; to: ServiceRequest; note: Note };

/**
 * "Move to another SR" when an email was filed on the wrong one: the note and its attachments move, image links in
 * the note follow them, the engine's ledger and the Mail Center item point at the new SR, and both histories say so.
 */
export async function moveFiledEmail(
  deps: ServiceDeps,
  actor: Principal,
  input: { internetMessageId: string; fromRequestId: number; toRequestId: number },
): Promise<MovedEmail> {
  const { fromRequestId, toRequestId } = input;
  if (fromRequestId === toRequestId)
    throw new AppError('validation_failed', 'Choose a different SR to move the email to.');
  return deps.store.transact(async (tx) => {
    const from = await loadRequest(tx, fromRequestId);
    const to = await loadRequest(tx, toRequestId);
    const filings = await findFilings(tx, input.internetMessageId);
    const onTarget = filings.find((f) => f.request.id === toRequestId);
    if (onTarget) throw alreadyFiled(toRequestId, onTarget.note.id);
    const onSource = filings.find((f) => f.request.id === fromRequestId);
    if (!onSource) {
      const where = filings.map((f) => formatSrNumber(f.request.id)).join(', ');
      throw new AppError(
        'not_found',
        `This email is not on ${formatSrNumber(fromRequestId)}${where ? `; it is on ${where}` : ''}.`,
      );
    }
    const now = deps.clock().toISOString();
    const moved = await moveNote(tx, onSource.note, toRequestId);
    await tx.collection('requests').put({ ...from, updatedAt: now });
    // The reply is news on the SR it now belongs to.
    await tx.collection('requests').put({ ...to, hasNewEmailReply: true, updatedAt: now });
    const subject = moved.note.email?.subject ?? '(no subject)';
    const details = {
      noteId: moved.note.id,
      internetMessageId: input.internetMessageId,
      from: fromRequestId,
      to: toRequestId,
      attachments: moved.attachmentIds.length,
    };
    const who = { id: actor.id, name: actor.name };
    await recordHistory(deps, tx, {
      requestId: fromRequestId,
      kind: 'note-moved',
      summary: `Email "${subject}" moved to ${formatSrNumber(toRequestId)} by ${actor.name}`,
      actor: who,
      details,
    });
    await recordHistory(deps, tx, {
      requestId: toRequestId,
      kind: 'note-moved',
      summary: `Email "${subject}" moved here from ${formatSrNumber(fromRequestId)} by ${actor.name}`,
      actor: who,
      details,
    });
    return { from, to: (await tx.collection('requests').get(toRequestId)) ?? to, note: moved.note };
  });
}

async function moveNote(
  tx: Transaction,
  note: Note,
  toRequestId: number,
): Promise<{ note: Note; attachmentIds: string[] }> {
  const attachments = await tx.collection('attachments').ofNote(note.id);
  let bodyHtml = note.bodyHtml;
  for (const attachment of attachments) {
    await tx.collection('attachments').put({ ...attachment, requestId: toRequestId });
    bodyHtml = bodyHtml
      .split(`/api/requests/${note.requestId}/attachments/${attachment.id}/`)
      .join(`/api/requests/${toRequestId}/attachments/${attachment.id}/`);
  }
  const moved = await tx.collection('notes').put({ ...note, requestId: toRequestId, bodyHtml });
  for (const entry of await tx.collection('processedMessages').ofNote(note.id)) {
    await tx.collection('processedMessages').put({ ...entry, requestId: toRequestId });
  }
  for (const item of await tx.collection('mailCenter').resolvedToNote(note.id)) {
    if (item.resolution)
      await tx
        .collection('mailCenter')
        .put({ ...item, resolution: { ...item.resolution, requestId: toRequestId } });
  }
  return { note: moved, attachmentIds: attachments.map((a) => a.id) };
}
