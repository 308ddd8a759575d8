import type { z } from 'zod';
import type { ZAddinEmail } from '../../contract/addin-email.js';
import type { MailMessage } from '../../domain/mail-message.js';

/** The email as the add-in sent it -> the engine's MailMessage, so the same rules read it. */
export function toMailMessage(email: z.output<typeof ZAddinEmail>): MailMessage & { internetMessageId: string } {
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
    attachments: email.attachments.map((a) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: a.isInline, kind: a.kind })),
  };
}
