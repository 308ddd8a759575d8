import { z } from 'zod';
import { MAX_TEMPLATE_BODY_CHARS, MAX_TEMPLATE_SUBJECT_CHARS } from '../domain/check-mail-template.js';
import { MAX_EMAIL_RECIPIENTS } from '../domain/outbound-message.js';
import { ZEmail, listOf } from './common.js';

// Emails sent from an SR (manually or by rules): POST /api/requests/{id}/emails and the SR's outbound log.
const ZAddress = z.object({ name: z.string().optional(), address: z.string() });

export const ZSendEmail = z.strictObject({
  templateId: z.string().min(1).max(100).optional().describe('a template; without one, bodyHtml is required'),
  to: z.array(ZEmail).min(1).max(MAX_EMAIL_RECIPIENTS).optional().describe('default: the requester'),
  cc: z
    .array(ZEmail)
    .max(MAX_EMAIL_RECIPIENTS)
    .optional()
    .describe('default: the participants (when `to` is not given)'),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(MAX_TEMPLATE_SUBJECT_CHARS)
    .optional()
    .describe("default: the template's subject, or the SR title"),
  bodyHtml: z
    .string()
    .min(1)
    .max(MAX_TEMPLATE_BODY_CHARS)
    .optional()
    .describe("replaces the template's body; sanitised; placeholders allowed"),
  attachmentIds: z
    .array(z.string().min(1).max(100))
    .max(20)
    .optional()
    .describe("chosen from the SR's attachments"),
  asPublicNote: z
    .boolean()
    .optional()
    .describe("the composer's Reply to customer: also keep the text (bodyHtml) as a PUBLIC note on the SR"),
});
export type TSendEmail = z.input<typeof ZSendEmail>;

export const ZSentEmail = z.object({
  outboundId: z.number().int(),
  internetMessageId: z.string(),
  status: z
    .enum(['queued', 'sending', 'sent', 'failed', 'stopped'])
    .describe('queued: waiting for a free sending slot (30 a minute per mailbox)'),
  statusReason: z.string().optional(),
});
export type TSentEmail = z.infer<typeof ZSentEmail>;

export const ZEmailPreview = z.object({
  subject: z.string(),
  bodyHtml: z
    .string()
    .describe('the whole email as sending it would send it, reply line and hidden token included'),
  bodyText: z.string(),
  replyText: z.string().describe('the reply text line, with a sample token'),
  sampleToken: z.string().describe('signed with a throw-away key: a reply quoting it is not matched'),
  to: z.array(ZAddress),
  cc: z.array(ZAddress),
});
export type TEmailPreview = z.infer<typeof ZEmailPreview>;

export const ZOutboundEmail = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  trigger: z.enum(['manual', 'rule', 'demo-seed']),
  templateId: z.string().optional(),
  ruleId: z.string().optional(),
  from: ZAddress,
  to: z.array(ZAddress),
  cc: z.array(ZAddress),
  subject: z.string(),
  bodyHtml: z.string().describe('the email as sent, reply line and hidden token included'),
  attachmentIds: z.array(z.string()),
  token: z.string().describe('the EC_ID token in the reply line, the hidden copy and the Message-ID'),
  internetMessageId: z.string(),
  conversationId: z.string().optional(),
  status: ZSentEmail.shape.status,
  statusReason: z.string().optional(),
  attempts: z.number().int(),
  queuedAt: z.string(),
  sentAt: z.string().optional(),
  actor: z.object({ id: z.string(), name: z.string() }),
});
export type TOutboundEmail = z.infer<typeof ZOutboundEmail>;
export const ZOutboundEmailList = listOf(ZOutboundEmail);

// A template inserted into the composer as a snippet, placeholders filled from the SR.
export const ZFillSnippet = z.strictObject({ templateId: z.string().min(1).max(100) });
export type TFillSnippet = z.input<typeof ZFillSnippet>;
export const ZSnippet = z.object({
  subject: z.string(),
  bodyHtml: z.string().describe('sanitised, placeholders filled'),
});
export type TSnippet = z.infer<typeof ZSnippet>;
