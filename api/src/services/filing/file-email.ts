import type { MailMessage } from '../../domain/mail-message.js';
import type { Note } from '../../domain/note.js';
import { normaliseMessageId } from '../../domain/mail-message.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { Transaction } from '../../ports/store.js';
import { addinLedgerEntry } from './addin-ledger.js';
import { alreadyFiled } from './already-filed.js';
import { applyReplyIn } from '../inbound/apply-reply.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';
import { findFilings } from './lookup-email.js';
import type { ReplyFile } from '../../ports/prepare-reply.js';
import { requireBodyReader } from '../require-body-reader.js';
import { prepareAddinReply } from './prepare-addin-reply.js';

export type AddinEmail = MailMessage & { internetMessageId: string };

export type FiledEmail = {
  request: ServiceRequest;
  note: Note;
  attachmentIds: string[];
  statusChange?: { from: string; to: string };
};

/** The open Mail Center item for this email, which filing it resolves. */
export async function openMailCenterItemId(
  tx: Transaction,
  internetMessageId: string,
): Promise<string | undefined> {
  const wanted = normaliseMessageId(internetMessageId);
  const item = (await tx.collection('mailCenter').byMessageId(wanted)).find((i) => i.state === 'open');
  return item?.id;
}

/**
 * "File as reply on SR-…" from Outlook: the engine's apply step (PUBLIC note with the extracted reply, the ticked
 * attachments in Other, status policy, history), once per (internetMessageId, SR). `mailbox` is where the agent read it.
 */
export async function fileEmail(
  deps: ServiceDeps,
  actor: Principal,
  input: { requestId: number; message: AddinEmail; mailbox?: string; files: ReplyFile[] },
): Promise<FiledEmail> {
  // Without the engine's body reader nothing is filed: said before anything else is checked.
  const reader = requireBodyReader(deps);
  const { requestId, message } = input;
  // Refuse before the work: the SR must exist and must not have this email yet.
  await deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    const here = (await findFilings(tx, message.internetMessageId)).find((f) => f.request.id === requestId);
    if (here) throw alreadyFiled(requestId, here.note.id);
  });
  const prepared = await prepareAddinReply(deps, reader, {
    message,
    files: input.files,
    target: {
      requestId,
      signal: 'addin',
      source: 'addin',
      actor: { id: actor.id, name: actor.name },
      manual: true,
      applyStatusPolicy: true,
    },
  });
  const result = await deps.store.transact(async (tx) => {
    const ledger = await addinLedgerEntry(deps, tx, message, input.mailbox);
    const itemId = await openMailCenterItemId(tx, message.internetMessageId);
    const applied = await applyReplyIn(deps, tx, {
      ...prepared,
      ...(ledger ? { ledger } : {}),
      ...(itemId ? { mailCenterItem: { id: itemId, state: 'linked' } } : {}),
    });
    return { applied, request: await loadRequest(tx, requestId) };
  });
  const { applied, request } = result;
  // Another agent (or the engine) filed it between the check and the transaction.
  if (applied.outcome === 'duplicate') throw alreadyFiled(requestId, applied.note.id);
  if (applied.outcome === 'closed')
    throw new Error('unreachable: a manual filing is never held for a closed SR');
  return {
    request,
    note: applied.note,
    attachmentIds: prepared.attachments.map((a) => a.id),
    ...(applied.statusChange ? { statusChange: applied.statusChange } : {}),
  };
}
