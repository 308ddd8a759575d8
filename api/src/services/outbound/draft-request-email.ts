import { AppError } from '../../domain/app-error.js';
import type { Attachment } from '../../domain/attachment.js';
import { requireValidMailTemplate } from '../../domain/check-mail-template.js';
import type { MailAccount } from '../../domain/mail-account.js';
import type { MailAddress } from '../../domain/mail-message.js';
import type { MailTemplate } from '../../domain/mail-template.js';
import { MAX_EMAIL_ATTACHMENT_BYTES, MAX_EMAIL_RECIPIENTS } from '../../domain/outbound-message.js';
import { DEFAULT_REPLY_MARKER } from '../../domain/reply-marker.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { ReadTransaction } from '../../ports/store.js';
import { lastAgentNoteText, type EmailContent } from './compose-email.js';
import { loadMailTemplate } from '../templates/load-mail-template.js';
import { loadRequest } from '../requests/load-request.js';
import { loadSendingAccount } from './load-sending-account.js';
import { sanitiseMailHtml } from '../templates/sanitise-mail-html.js';

export type SendRequestEmailInput = {
  templateId?: string;
  to?: string[];
  cc?: string[];
  subject?: string;
  bodyHtml?: string;
  attachmentIds?: string[];
  asPublicNote?: boolean;
};

/** Everything an email from an SR is made of, checked, before it is composed with a token. */
export type RequestEmailDraft = {
  sr: ServiceRequest;
  template?: MailTemplate;
  content: EmailContent;
  to: MailAddress[];
  cc: MailAddress[];
  attachments: Attachment[];
  account: MailAccount;
  lastNote?: string;
};

const MB = 1024 * 1024;

/**
 * What sending from an SR would send, and every refusal it would meet (no template or text, bad recipients,
 * foreign or too large attachments, no Default account), without recording anything: the send and its preview
 * both start here, so the preview shows what goes out.
 */
export async function draftRequestEmail(
  tx: ReadTransaction,
  requestId: number,
  input: SendRequestEmailInput,
): Promise<RequestEmailDraft> {
  const ownBody = input.bodyHtml === undefined ? undefined : sanitiseMailHtml(input.bodyHtml);
  const sr = await loadRequest(tx, requestId);
  const template = input.templateId ? await loadMailTemplate(tx, input.templateId) : undefined;
  if (!template && ownBody === undefined)
    throw new AppError('validation_failed', 'Choose a template or write the email (bodyHtml).');
  if (input.asPublicNote && ownBody === undefined)
    throw new AppError('validation_failed', 'Write the reply: a reply kept as a note needs its own text.', [
      { path: 'bodyHtml', message: 'Write the reply before sending it.' },
    ]);
  const content: EmailContent = {
    subject: input.subject?.trim() || template?.subject || sr.title,
    bodyHtml: ownBody ?? template?.bodyHtml ?? '',
    replyText: template?.replyText ?? DEFAULT_REPLY_MARKER,
  };
  requireValidMailTemplate(content);
  const { to, cc } = recipients(sr, input);
  const attachments = await chosenAttachments(tx, sr.id, input.attachmentIds ?? []);
  const account = await loadSendingAccount(tx);
  const lastNote = await lastAgentNoteText(tx, sr.id);
  return {
    sr,
    ...(template ? { template } : {}),
    content,
    to,
    cc,
    attachments,
    account,
    ...(lastNote === undefined ? {} : { lastNote }),
  };
}

/** To the requester and Cc the participants by default; each address once, and not too many. */
function recipients(
  sr: ServiceRequest,
  input: SendRequestEmailInput,
): { to: MailAddress[]; cc: MailAddress[] } {
  const named = (address: string): MailAddress => {
    const normalised = address.trim().toLowerCase();
    return normalised === sr.requester.email.toLowerCase()
      ? { name: sr.requester.name, address: normalised }
      : { address: normalised };
  };
  const to = unique((input.to ?? [sr.requester.email]).map(named));
  const cc = unique((input.cc ?? (input.to ? [] : sr.participants)).map(named)).filter(
    (c) => !to.some((t) => t.address === c.address),
  );
  if (to.length === 0) throw new AppError('validation_failed', 'Add at least one recipient in To.');
  if (to.length + cc.length > MAX_EMAIL_RECIPIENTS)
    throw new AppError('validation_failed', `An email may go to at most ${MAX_EMAIL_RECIPIENTS} recipients.`);
  return { to, cc };
}

function unique(list: MailAddress[]): MailAddress[] {
  return list.filter((r, i) => list.findIndex((o) => o.address === r.address) === i);
}

/** The SR's own attachments only, within what Graph can carry: refused here, before any Graph call. */
async function chosenAttachments(
  tx: ReadTransaction,
  requestId: number,
  ids: string[],
): Promise<Attachment[]> {
  const chosen: Attachment[] = [];
  for (const id of new Set(ids)) {
    const attachment = await tx.collection('attachments').get(id);
    if (!attachment || attachment.requestId !== requestId)
      throw new AppError('validation_failed', `Attachment ${id} is not one of this SR's attachments.`);
    chosen.push(attachment);
  }
  const tooBig = chosen.find((a) => a.size > MAX_EMAIL_ATTACHMENT_BYTES);
  if (tooBig)
    throw new AppError(
      'payload_too_large',
      `${tooBig.fileName} is ${Math.ceil(tooBig.size / MB)} MB; an email attachment may be at most ${MAX_EMAIL_ATTACHMENT_BYTES / MB} MB.`,
    );
  const total = chosen.reduce((sum, a) => sum + a.size, 0);
  if (total > MAX_EMAIL_ATTACHMENT_BYTES)
    throw new AppError(
      'payload_too_large',
      `The attachments come to ${Math.ceil(total / MB)} MB; an email may carry at most ${MAX_EMAIL_ATTACHMENT_BYTES / MB} MB.`,
    );
  return chosen;
}
