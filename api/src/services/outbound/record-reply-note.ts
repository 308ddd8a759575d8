import type { Note } from '../../domain/note.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { Transaction } from '../../ports/store.js';
import { fillBodyHtml, placeholderContext } from './compose-email.js';
import type { ServiceDeps } from '../deps.js';
import { deskOf } from './load-sending-account.js';
import type { MailAccount } from '../../domain/mail-account.js';
import { noteBody } from '../notes/note-body.js';
import { recordHistory } from '../requests/record-history.js';

export type ReplyNoteArgs = {
  sr: ServiceRequest;
  account: MailAccount;
  bodyHtml: string;
  lastNote?: string;
  outboundId: number;
};

/**
 * The composer's "Reply to customer": what the agent wrote (placeholders filled as in the email) becomes a PUBLIC
 * note in the same transaction as the email, so the conversation shows the reply beside the customer's emails.
 */
export async function recordReplyNote(
  deps: ServiceDeps,
  tx: Transaction,
  author: Principal,
  args: ReplyNoteArgs,
): Promise<Note> {
  const context = placeholderContext({
    sr: args.sr,
    desk: deskOf(args.account),
    lastNote: args.lastNote,
    publicUrl: deps.outboundPolicy?.publicUrl,
  });
  const { bodyHtml, bodyText } = noteBody(fillBodyHtml(args.bodyHtml, context));
  const note = await tx.collection('notes').insert({
    id: deps.newId(),
    requestId: args.sr.id,
    typeCode: 'PUBLIC',
    accessLevel: 'User',
    source: 'agent',
    bodyHtml,
    bodyText,
    author: { id: author.id, name: author.name, email: author.email },
    createdAt: deps.clock().toISOString(),
    sentAs: { outboundId: args.outboundId },
  });
  await recordHistory(deps, tx, {
    requestId: args.sr.id,
    kind: 'note-added',
    summary: `Reply to the customer sent by ${author.name} and kept as a PUBLIC note`,
    actor: author,
    details: { noteId: note.id, typeCode: 'PUBLIC', outboundId: args.outboundId },
  });
  return note;
}
