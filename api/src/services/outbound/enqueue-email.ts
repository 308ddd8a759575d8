import { encodeEcId } from '../../domain/ec-id.js';
import type { MailAccount } from '../../domain/mail-account.js';
import { normaliseMessageId, type MailAddress } from '../../domain/mail-message.js';
import type { OutboundEmail, OutboundTrigger } from '../../domain/outbound-email.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { Transaction } from '../../ports/store.js';
import { composeEmail, type EmailContent } from './compose-email.js';
import type { ServiceDeps } from '../deps.js';
import { deskOf } from './load-sending-account.js';
import { recordHistory } from '../requests/record-history.js';

export type EnqueueEmailArgs = {
  sr: ServiceRequest;
  account: MailAccount;
  content: EmailContent;
  to: MailAddress[];
  cc: MailAddress[];
  attachmentIds: string[];
  trigger: OutboundTrigger;
  actor: { id: string; name: string };
  templateId?: string;
  ruleId?: string;
  lastNote?: string;
  /** Set when a limit stops the email: it is recorded (and shown in the SR's history) but never sent. */
  stoppedReason?: string;
};

export const OUTBOUND_SEQUENCE = 'outboundEmails';

/**
 * Records an email in the caller's transaction, composed in full (the number inside its token is its own outbound
 * number). A queued record is the queue: it survives a restart and is sent once.
 */
export async function enqueueEmail(
  deps: ServiceDeps,
  tx: Transaction,
  args: EnqueueEmailArgs,
): Promise<OutboundEmail> {
  const id = await tx.nextSequence(OUTBOUND_SEQUENCE);
  const token = encodeEcId({ requestId: args.sr.id, outboundId: id }, deps.ecIdKeyring);
  const desk = deskOf(args.account);
  const email = composeEmail({
    sr: args.sr,
    content: args.content,
    token,
    trigger: args.trigger,
    desk,
    lastNote: args.lastNote,
    publicUrl: deps.outboundPolicy?.publicUrl,
  });
  const record = await tx.collection('outboundEmails').insert({
    id,
    requestId: args.sr.id,
    accountId: args.account.id,
    ...(args.templateId ? { templateId: args.templateId } : {}),
    ...(args.ruleId ? { ruleId: args.ruleId } : {}),
    trigger: args.trigger,
    from: { name: desk.name, address: desk.address },
    to: args.to,
    cc: args.cc,
    subject: email.subject,
    bodyHtml: email.bodyHtml,
    attachmentIds: args.attachmentIds,
    token,
    internetMessageId: normaliseMessageId(email.internetMessageId),
    status: args.stoppedReason ? 'stopped' : 'queued',
    ...(args.stoppedReason ? { statusReason: args.stoppedReason } : {}),
    attempts: 0,
    queuedAt: deps.clock().toISOString(),
    actor: { id: args.actor.id, name: args.actor.name },
  });
  if (args.stoppedReason) {
    await recordHistory(deps, tx, {
      requestId: args.sr.id,
      kind: 'email-stopped',
      summary: `Email "${record.subject}" not sent. ${args.stoppedReason}`,
      actor: args.actor,
      details: {
        outboundId: id,
        trigger: args.trigger,
        ...(args.ruleId ? { ruleId: args.ruleId } : {}),
        to: args.to.map((r) => r.address),
        reason: args.stoppedReason,
      },
    });
  }
  return record;
}
