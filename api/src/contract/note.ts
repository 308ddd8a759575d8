import { z } from 'zod';
import { listOf } from './common.js';

export const ZNote = z.object({
  id: z.string(),
  requestId: z.number().int(),
  typeCode: z.string(),
  accessLevel: z.enum(['User', 'Agent', 'Admin']),
  source: z.enum(['email', 'agent', 'addin', 'system']),
  bodyHtml: z.string().describe('sanitised HTML'),
  bodyText: z.string(),
  author: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }),
  createdAt: z.string(),
  email: z
    .object({
      from: z.object({ name: z.string().optional(), address: z.string() }),
      subject: z.string(),
      receivedAt: z.string(),
      internetMessageId: z.string().optional(),
      signal: z.string(),
      authentication: z
        .object({ outcome: z.enum(['pass', 'fail', 'unverified', 'internal']), summary: z.string() })
        .optional()
        .describe('what the receiving mail server said of the From: address (docs/sender-authenticity.md)'),
      hasOriginal: z.boolean(),
      elidedHtml: z.string().optional(),
    })
    .optional(),
  attachmentIds: z.array(z.string()),
  sentAs: z
    .object({ outboundId: z.number().int() })
    .optional()
    .describe('set when the composer also emailed this note to the customer'),
});
export type TNote = z.infer<typeof ZNote>;
export const ZNoteList = listOf(ZNote);

export const ZAddNote = z.strictObject({
  typeCode: z.string().trim().min(1).max(40).default('PUBLIC'),
  body: z.string().trim().min(1).max(100_000).describe('plain text or HTML; HTML is sanitised'),
});
export type TAddNote = z.input<typeof ZAddNote>;
