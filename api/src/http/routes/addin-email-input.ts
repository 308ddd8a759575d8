import type { z } from 'zod';
import {
  MAX_ADDIN_ATTACHMENT_BYTES,
  type TAddinAttachmentContent,
  type ZAddinEmail,
} from '../../contract/addin-email.js';
import { AppError } from '../../domain/app-error.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { ReplyFile } from '../../ports/prepare-reply.js';

/** The email as the add-in sent it -> the engine's MailMessage, so the same rules read it. */
export function toMailMessage(
  email: z.output<typeof ZAddinEmail>,
): MailMessage & { internetMessageId: string } {
  return {
    ...(email.itemId ? { id: email.itemId } : {}),
    internetMessageId: email.internetMessageId,
    ...(email.conversationId ? { conversationId: email.conversationId } : {}),
    subject: email.subject,
    from: email.from,
    to: email.to,
    cc: email.cc,
    replyTo: [],
    receivedAt: new Date(email.receivedAt).toISOString(),
    headers: email.headers,
    ...(email.bodyHtml !== undefined ? { bodyHtml: email.bodyHtml } : {}),
    ...(email.bodyText !== undefined ? { bodyText: email.bodyText } : {}),
    attachments: email.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      isInline: a.isInline,
      kind: a.kind,
    })),
  };
}

/** The ticked attachments: each must be one the email lists, and together they must fit the cap. */
export function toReplyFiles(
  email: z.output<typeof ZAddinEmail>,
  contents: readonly TAddinAttachmentContent[],
): ReplyFile[] {
  let total = 0;
  return contents.map((content) => {
    const meta = email.attachments.find((a) => a.id === content.id);
    if (!meta)
      throw new AppError(
        'validation_failed',
        `attachments: ${content.id} is not one of the email's attachments.`,
      );
    const bytes = Buffer.from(content.contentBase64, 'base64');
    total += bytes.length;
    if (total > MAX_ADDIN_ATTACHMENT_BYTES) {
      throw new AppError(
        'payload_too_large',
        `The ticked attachments are larger than ${MAX_ADDIN_ATTACHMENT_BYTES / 1024 / 1024} MB together; untick some.`,
      );
    }
    return {
      meta: {
        id: meta.id,
        name: meta.name,
        contentType: meta.contentType,
        size: bytes.length,
        isInline: meta.isInline,
        kind: meta.kind,
      },
      bytes,
    };
  });
}
