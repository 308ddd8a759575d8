import { z } from 'zod';
import { ZPaging, ZSearchText, ZSrRef, listOf } from './common.js';
import { ZNote } from './note.js';
import { ZServiceRequest } from './service-request.js';

// The Mail Center: inbound email that did not become a note, with the reason and the evidence (tab and add-in).

export const MAIL_CENTER_REASONS = [
  'no-marker',
  'token-invalid',
  'conflicting-signals',
  'unknown-sender',
  'sender-not-authenticated',
  'sr-closed',
  'sr-not-found',
  'auto-reply',
  'bounce',
  'own-mail',
  'loop',
  'system',
  'too-large',
  'too-complex',
  'attachment-blocked',
  'processing-failed',
] as const;
export const MAIL_CENTER_STATES = ['open', 'linked', 'created', 'discarded', 'ignored'] as const;

const ZAddress = z.object({ name: z.string().optional(), address: z.string() });

export const ZMailCenterItem = z.object({
  id: z.string(),
  accountId: z.string(),
  mailbox: z.string(),
  internetMessageId: z.string().optional(),
  conversationId: z.string().optional(),
  from: ZAddress,
  to: z.array(ZAddress),
  cc: z.array(ZAddress),
  subject: z.string(),
  receivedAt: z.string(),
  bodyPreview: z.string(),
  reason: z.enum(MAIL_CENTER_REASONS),
  evidence: z.array(z.string()).describe('why the email did not become a note, in plain language'),
  candidateRequestIds: z
    .array(z.number().int())
    .describe('SRs the evidence points at, for "link to SR" suggestions'),
  state: z.enum(MAIL_CENTER_STATES),
  originalContentType: z
    .enum(['message/rfc822', 'application/json'])
    .describe('what GET .../original returns'),
  resolution: z
    .object({
      by: z.object({ id: z.string(), name: z.string() }),
      at: z.string(),
      requestId: z.number().int().optional(),
      noteId: z.string().optional(),
    })
    .optional(),
  errorId: z.string().optional().describe('processing-failed: the id of the logged error'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMailCenterItem = z.infer<typeof ZMailCenterItem>;
export const ZMailCenterList = listOf(ZMailCenterItem);

export const ZMailCenterQuery = ZPaging.extend({
  reason: z.enum(MAIL_CENTER_REASONS).optional(),
  state: z.enum([...MAIL_CENTER_STATES, 'all']).default('open'),
  q: ZSearchText.optional().describe('words in the subject, sender or preview'),
});
export type TMailCenterQuery = z.input<typeof ZMailCenterQuery>;

export const ZLinkMailCenterItem = z.strictObject({
  requestId: ZSrRef.describe('SR-000123 or 123'),
  status: z
    .enum(['policy', 'reopen', 'keep'])
    .optional()
    .describe(
      "policy (default): the reply status policy; reopen: a closed SR reopens to the settings' reopen status; keep: the status stays",
    ),
});
export const ZBulkDiscard = z.strictObject({ itemIds: z.array(z.string().min(1).max(100)).min(1).max(500) });
export const ZBulkDiscardResult = z.object({ discarded: z.number().int(), skipped: z.number().int() });

export const ZLinkResult = z.object({ item: ZMailCenterItem, note: ZNote });
export const ZCreateRequestResult = z.object({
  item: ZMailCenterItem,
  request: ZServiceRequest,
  note: ZNote,
});
