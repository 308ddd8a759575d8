import type { Readable } from 'node:stream';
import type { MailCenterReason } from '../../domain/mail-center-item.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { NewMailCenterItem } from '../mail-center/record-mail-center-item.js';
import type { ServiceDeps } from '../deps.js';
import { visibleText } from '../../reply/extract/visible-text.js';
import type { GraphListedMessage, Mailbox } from '../../ports/mailbox.js';

// A Mail Center item's stored original: the MIME when the mailbox gives it (what a person or another tool can open,
// attachments included), else the Graph JSON we listed.

const PREVIEW = 255;

export async function storeOriginal(
  deps: Pick<ServiceDeps, 'blobs'>,
  mailbox: Mailbox,
  listed: GraphListedMessage,
  options: { mime: boolean; maxBytes: number },
): Promise<{ ref: string; contentType: 'message/rfc822' | 'application/json' }> {
  if (options.mime) {
    let stream: Readable | undefined;
    try {
      stream = await mailbox.openMime(listed.id);
      const blob = await deps.blobs.put(stream, { maxBytes: options.maxBytes });
      return { ref: blob.sha256, contentType: 'message/rfc822' };
    } catch {
      stream?.destroy();
      // The JSON below still holds everything but the attachment bytes.
    }
  }
  return { ref: (await storeJson(deps, listed.graph)).sha256, contentType: 'application/json' };
}

export function storeJson(
  deps: Pick<ServiceDeps, 'blobs'>,
  graph: Record<string, unknown>,
): Promise<{ sha256: string }> {
  return deps.blobs.put(Buffer.from(JSON.stringify(graph), 'utf8'));
}

export function mailCenterItem(input: {
  accountId: string;
  mailbox: string;
  graphMessageId?: string;
  message: MailMessage;
  reason: MailCenterReason;
  evidence: string[];
  candidates: number[];
  original: { ref: string; contentType: 'message/rfc822' | 'application/json' };
}): NewMailCenterItem {
  const { message } = input;
  return {
    accountId: input.accountId,
    mailbox: input.mailbox,
    ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
    ...(input.graphMessageId ? { graphMessageId: input.graphMessageId } : {}),
    ...(message.conversationId ? { conversationId: message.conversationId } : {}),
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    receivedAt: message.receivedAt,
    bodyPreview: preview(message),
    reason: input.reason,
    evidence: input.evidence,
    candidateRequestIds: input.candidates,
    originalRef: input.original.ref,
    originalContentType: input.original.contentType,
  };
}

/** Plain text, as the tab shows it: html rendered (entities decoded once, hidden parts gone), else the text part. */
function preview(message: MailMessage): string {
  const text =
    message.bodyText ?? message.rendered?.visible ?? visibleText({ bodyHtml: message.bodyHtml ?? '' });
  return text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW);
}
