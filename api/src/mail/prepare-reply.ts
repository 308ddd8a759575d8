import type { MailMessage } from '../domain/mail-message.js';
import type { StoredOriginal } from '../domain/stored-original.js';
import type { ApplyReplyInput } from '../services/apply-reply.js';
import type { ServiceDeps } from '../services/deps.js';
import type { AttachmentSource } from './attachment-sources.js';
import { extractReply, type ExtractedReply } from './extract/extract-reply.js';
import { importAttachments, type AttachmentPolicy } from './import-attachments.js';

// Everything about filing a reply that happens before the transaction: the reply text cut from the quoted history,
// the attachments and kept inline images in the blob store, and the note's image links pointing at them.

export type ReplyTarget = Pick<ApplyReplyInput, 'requestId' | 'signal' | 'source' | 'actor' | 'manual' | 'applyStatusPolicy'>;

export type PreparedReply = Omit<ApplyReplyInput, 'ledger' | 'mailCenterItem'>;

export async function prepareReply(
  deps: Pick<ServiceDeps, 'blobs' | 'newId'>,
  input: { message: MailMessage; sources: readonly AttachmentSource[]; target: ReplyTarget; policy: AttachmentPolicy; original?: StoredOriginal },
): Promise<PreparedReply> {
  const { message, target } = input;
  const body = { html: message.bodyHtml, text: message.bodyText, uniqueBodyHtml: message.uniqueBodyHtml };
  const dropImages = { rewriteCid: (): undefined => undefined };
  const first = extractReply(body, dropImages);
  const imported = await importAttachments(deps, input.sources, new Set(first.inlineContentIds), input.policy);
  // A second pass only when an image the reply shows was stored: its src becomes the attachment's URL.
  const reply: ExtractedReply =
    imported.byContentId.size === 0
      ? first
      : extractReply(body, {
          rewriteCid: (cid) => {
            const id = imported.byContentId.get(cid);
            return id ? `/api/requests/${target.requestId}/attachments/${id}/content` : undefined;
          },
        });
  const empty = reply.layout === 'forwarded' ? '(Forwarded without a note of its own: the forwarded message is in the quoted text.)' : '(No text above the quoted history.)';
  const text = reply.text.trim() || empty;
  const html = reply.html.trim() || `<p>${escapeHtml(text)}</p>`;
  const notes = [...(message.trimmed ?? []), ...imported.notes];
  const notesHtml = notes.map((line) => `<p><em>${escapeHtml(line)}</em></p>`).join('');
  return {
    ...target,
    email: {
      ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
      subject: message.subject,
      from: message.from,
      receivedAt: message.receivedAt,
    },
    reply: {
      html: html + notesHtml,
      text: [text, ...notes].join('\n\n'),
      ...(reply.elidedHtml ? { elidedHtml: reply.elidedHtml } : {}),
    },
    attachments: imported.files,
    ...(input.original ? { original: input.original } : {}),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
