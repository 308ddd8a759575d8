import { z } from 'zod';

// The email as the Outlook add-in reads it from the open item and sends it to the API. The pane sends the content
// because the agent's mailbox (their own, or a shared one) may be outside the mailboxes the app can read.

/** Characters of HTML or text body accepted; Outlook bodies with inline styles rarely pass a few hundred KB. */
export const MAX_ADDIN_BODY_CHARS = 1_000_000;
/** Bytes (decoded) of one attachment, and of all the attachments filed in one request. */
export const MAX_ADDIN_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ADDIN_ATTACHMENTS = 20;
/** base64 of the attachment cap plus the body and headers: the JSON size the add-in routes accept. */
export const MAX_ADDIN_REQUEST_BYTES =
  Math.ceil(MAX_ADDIN_ATTACHMENT_BYTES / 3) * 4 + 4 * MAX_ADDIN_BODY_CHARS;

export const ZMailAddress = z.strictObject({
  name: z.string().max(300).optional(),
  address: z.string().trim().min(1).max(320),
});
export type TMailAddress = z.infer<typeof ZMailAddress>;

export const ZMailHeader = z.strictObject({
  name: z.string().min(1).max(200),
  value: z.string().max(16_000),
});

export const ZAddinAttachmentInfo = z.strictObject({
  /** Outlook's attachment id: the pane uses it to fetch the bytes the agent ticks. */
  id: z.string().min(1).max(1000),
  name: z.string().max(500),
  contentType: z.string().max(200),
  size: z.number().int().min(0),
  isInline: z.boolean(),
  kind: z.enum(['file', 'item', 'reference']),
});
export type TAddinAttachmentInfo = z.infer<typeof ZAddinAttachmentInfo>;

export const ZAddinEmail = z
  .strictObject({
    internetMessageId: z
      .string()
      .trim()
      .min(3)
      .max(998)
      .describe('RFC 5322 Message-ID, with or without angle brackets'),
    conversationId: z.string().max(1000).optional(),
    itemId: z.string().max(1000).optional().describe("Outlook's item id; informational"),
    mailbox: z.string().max(320).optional().describe('The mailbox the email was read in (own or shared)'),
    subject: z.string().max(2000),
    from: ZMailAddress,
    to: z.array(ZMailAddress).max(500).default([]),
    cc: z.array(ZMailAddress).max(500).default([]),
    receivedAt: z.iso.datetime({ offset: true }),
    headers: z
      .array(ZMailHeader)
      .max(500)
      .default([])
      .describe('Internet headers (Mailbox 1.8); In-Reply-To and References matter most'),
    bodyHtml: z.string().max(MAX_ADDIN_BODY_CHARS).optional(),
    bodyText: z.string().max(MAX_ADDIN_BODY_CHARS).optional(),
    attachments: z
      .array(ZAddinAttachmentInfo)
      .max(500)
      .default([])
      .describe('Metadata only; the bytes travel with file and create'),
  })
  .describe(`An email read in Outlook. Bodies up to ${MAX_ADDIN_BODY_CHARS} characters each.`);
export type TAddinEmail = z.input<typeof ZAddinEmail>;

export const ZAddinAttachmentContent = z.strictObject({
  id: z.string().min(1).max(1000).describe('The id from email.attachments'),
  contentBase64: z
    .base64()
    .max(Math.ceil(MAX_ADDIN_ATTACHMENT_BYTES / 3) * 4)
    .describe(
      `The bytes as base64 (Outlook's getAttachmentContentAsync); at most ${MAX_ADDIN_ATTACHMENT_BYTES / 1024 / 1024} MB decoded`,
    ),
});
export type TAddinAttachmentContent = z.infer<typeof ZAddinAttachmentContent>;

export const ZAddinTickedAttachments = z
  .array(ZAddinAttachmentContent)
  .max(MAX_ADDIN_ATTACHMENTS)
  .default([])
  .describe(
    `The attachments the agent ticked, filed into the SR's "Other" folder: at most ${MAX_ADDIN_ATTACHMENTS}, ` +
      `${MAX_ADDIN_ATTACHMENT_BYTES / 1024 / 1024} MB decoded in all`,
  );
