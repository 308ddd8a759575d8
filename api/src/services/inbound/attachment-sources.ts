import type { Readable } from 'node:stream';
import type { Attachment as ParsedAttachment } from 'mailparser';
import type { MailAttachment } from '../../domain/mail-message.js';
import type { Mailbox } from '../../ports/mailbox.js';

// Where an attachment's bytes come from: the mailbox (streamed from Graph), or a stored MIME original (Mail Center
// link and reprocess). Inline images learn their content id when loaded (Graph cannot list it, docs/graph-behaviour.md §4.1).

export type LoadedAttachment = { body: Readable | Buffer; contentType: string; contentId?: string };

export type AttachmentSource = {
  meta: MailAttachment;
  load(): Promise<LoadedAttachment>;
};

export function graphAttachmentSources(
  mailbox: Mailbox,
  messageId: string,
  attachments: readonly MailAttachment[],
): AttachmentSource[] {
  return attachments.map((meta) => ({
    meta,
    async load() {
      const id = meta.id ?? '';
      if (meta.isInline && meta.kind === 'file') {
        const inline = await mailbox.readInlineAttachment(messageId, id);
        return {
          body: inline.bytes,
          contentType: inline.contentType,
          ...(inline.contentId ? { contentId: inline.contentId } : {}),
        };
      }
      const content = await mailbox.openAttachment(messageId, id);
      return {
        body: content.body,
        contentType: meta.kind === 'item' ? 'message/rfc822' : content.contentType,
      };
    },
  }));
}

export function mimeAttachmentSources(parsed: readonly ParsedAttachment[]): AttachmentSource[] {
  return parsed.map((a) => {
    const contentId = a.cid?.replace(/^<|>$/g, '');
    const contentType = (a.contentType || 'application/octet-stream').toLowerCase();
    return {
      meta: {
        name: a.filename ?? '',
        contentType,
        size: a.size ?? a.content.length,
        isInline: a.contentDisposition === 'inline' || Boolean(a.related),
        ...(contentId ? { contentId } : {}),
        kind: contentType === 'message/rfc822' ? 'item' : 'file',
      },
      load: () => Promise.resolve({ body: a.content, contentType, ...(contentId ? { contentId } : {}) }),
    };
  });
}
