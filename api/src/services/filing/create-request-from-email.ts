import type { Priority, ServiceRequest } from '../../domain/service-request.js';
import { formatSrNumber } from '../../domain/service-request.js';
import type { Principal } from '../../domain/principal.js';
import { INITIAL_STATUS } from '../../domain/status.js';
import { addinLedgerEntry } from './addin-ledger.js';
import { alreadyFiled } from './already-filed.js';
import { applyReplyIn } from '../inbound/apply-reply.js';
import type { ServiceDeps } from '../deps.js';
import { openMailCenterItemId, type AddinEmail, type FiledEmail } from './file-email.js';
import { findFilings } from './lookup-email.js';
import type { ReplyFile } from '../../ports/prepare-reply.js';
import { requireBodyReader } from '../require-body-reader.js';
import { prepareAddinReply } from './prepare-addin-reply.js';
import { recordHistory } from '../requests/record-history.js';

/**
 * "Create a new SR" from the email open in Outlook: the sender is the requester and the email the first PUBLIC note
 * (no status policy: it answers nothing yet). One transaction, so a failure leaves no SR without its email. An email
 * already on an SR is refused: moving it is the way to change where it is.
 */
export async function createRequestFromEmail(
  deps: ServiceDeps,
  actor: Principal,
  input: { message: AddinEmail; mailbox?: string; files: ReplyFile[]; title: string; priority: Priority },
): Promise<FiledEmail> {
  // Without the engine's body reader nothing is filed: said before anything else is checked.
  const reader = requireBodyReader(deps);
  const { message } = input;
  const [filed] = await deps.store.read((tx) => findFilings(tx, message.internetMessageId));
  if (filed) throw alreadyFiled(filed.request.id, filed.note.id);
  const who = { id: actor.id, name: actor.name };
  // The SR's number first, in a transaction of its own: the note's image links need it, and preparing the note
  // (settings read on another connection, attachment bytes written, the reply reader run) must not sit inside the
  // transaction below, which PostgreSQL may run again after a conflict. A create that fails later leaves a gap.
  const id = await deps.store.transact((tx) => tx.nextSequence('requests'));
  const prepared = await prepareAddinReply(deps, reader, {
    message,
    files: input.files,
    target: {
      requestId: id,
      signal: 'addin',
      source: 'addin',
      actor: who,
      manual: true,
      applyStatusPolicy: false,
    },
  });
  return deps.store.transact(async (tx) => {
    const now = deps.clock().toISOString();
    const sender = message.from;
    const request: ServiceRequest = await tx.collection('requests').insert({
      id,
      title: input.title,
      description: `Created from the email "${message.subject}" in Outlook.`,
      requester: { name: sender.name?.trim() || sender.address, email: sender.address.trim().toLowerCase() },
      participants: [],
      status: INITIAL_STATUS,
      priority: input.priority,
      createdAt: now,
      updatedAt: now,
      hasNewEmailReply: false,
    });
    await recordHistory(deps, tx, {
      requestId: id,
      kind: 'created',
      summary: `${formatSrNumber(id)} created from an email in Outlook by ${actor.name}`,
      actor: who,
      details: { internetMessageId: message.internetMessageId, source: 'addin' },
    });
    const ledger = await addinLedgerEntry(deps, tx, message, input.mailbox);
    const itemId = await openMailCenterItemId(tx, message.internetMessageId);
    const applied = await applyReplyIn(deps, tx, {
      ...prepared,
      ...(ledger ? { ledger } : {}),
      ...(itemId ? { mailCenterItem: { id: itemId, state: 'created' } } : {}),
    });
    if (applied.outcome !== 'filed')
      throw new Error(`unreachable: a new SR already had the email (${applied.outcome})`);
    const stored = (await tx.collection('requests').get(id)) ?? request;
    return { request: stored, note: applied.note, attachmentIds: prepared.attachments.map((a) => a.id) };
  });
}
