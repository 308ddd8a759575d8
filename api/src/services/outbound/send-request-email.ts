import { AppError } from '../../domain/app-error.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceDeps } from '../deps.js';
import { draftRequestEmail, type SendRequestEmailInput } from './draft-request-email.js';
import { enqueueEmail } from './enqueue-email.js';
import { recordReplyNote } from './record-reply-note.js';

/**
 * An agent emails from an SR: a template, or their own text (which still gets the reply line and the token), to the
 * requester and participants unless told otherwise, with attachments chosen from the SR's. Everything that can be
 * refused is refused before anything is recorded or sent; a Graph failure leaves a failed record and an error.
 */
export async function sendRequestEmail(
  deps: ServiceDeps,
  sender: Principal,
  requestId: number,
  input: SendRequestEmailInput,
): Promise<OutboundEmail> {
  const queued = await deps.store.transact(async (tx) => {
    const { sr, template, content, to, cc, attachments, account, lastNote } = await draftRequestEmail(
      tx,
      requestId,
      input,
    );
    if (sr.hasNewEmailReply) await tx.collection('requests').put({ ...sr, hasNewEmailReply: false });
    const email = await enqueueEmail(deps, tx, {
      sr,
      account,
      content,
      to,
      cc,
      attachmentIds: attachments.map((a) => a.id),
      trigger: 'manual',
      actor: sender,
      ...(template ? { templateId: template.id } : {}),
      lastNote,
    });
    if (input.asPublicNote)
      await recordReplyNote(deps, tx, sender, {
        sr,
        account,
        bodyHtml: content.bodyHtml,
        outboundId: email.id,
        ...(lastNote === undefined ? {} : { lastNote }),
      });
    return email;
  });
  if (!deps.outbound) return queued;
  const attempted = await deps.outbound.sendNow(queued.id);
  if (attempted.status === 'failed') {
    throw new AppError(
      'upstream_failed',
      `The email was not sent: ${attempted.statusReason ?? 'Graph refused it.'}`,
      { outboundId: attempted.id },
    );
  }
  return attempted;
}
