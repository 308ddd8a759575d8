import { z } from 'zod';
import { ZAddinEmail, ZAddinTickedAttachments } from './addin-email.js';
import { ZPerson, ZSrRef } from './common.js';
import { ZPriority } from './service-request.js';

// The Outlook add-in's API: where an email stands, which SRs it may belong to, and the actions that file, create
// and move. Filing an email that waits in the Mail Center links that item (it is resolved in the same transaction).
// Every action is idempotent per (internetMessageId, SR): doing it again changes nothing and answers 409 saying
// where the email already is.

export const ZRequestRef = z.union([z.number().int().min(1), ZSrRef]).describe('SR-000123, "123" or 123');

export const ZAddinFiling = z.object({
  requestId: z.number().int(),
  number: z.string().describe('SR-000123'),
  title: z.string(),
  status: z.string(),
  noteId: z.string(),
  filedAt: z.string(),
  filedBy: z
    .string()
    .describe(
      'The agent who filed, linked or last moved it, or "Service Messaging" when the mail engine filed it',
    ),
  source: z.enum(['email', 'agent', 'addin', 'system']),
  noteUrl: z.string().describe("The note in the tab, relative to the API's origin"),
});
export type TAddinFiling = z.infer<typeof ZAddinFiling>;

export const ZMarkerStatus = z.enum(['valid', 'damaged', 'unknown-key', 'expired', 'forged']);
export type TMarkerStatus = z.infer<typeof ZMarkerStatus>;

export const ZAddinMarker = z.object({
  status: ZMarkerStatus,
  /** The SR number the marker still shows, when it shows one. */
  number: z.string().optional(),
  token: z.string(),
});

export const ZAddinLookupRequest = z.strictObject({ email: ZAddinEmail });
export type TAddinLookupRequest = z.input<typeof ZAddinLookupRequest>;

export const ZAddinLookup = z.object({
  state: z.enum(['filed', 'mail-center', 'unknown']),
  /** One sentence for the agent: where the email is and why. */
  summary: z.string(),
  filings: z.array(ZAddinFiling),
  mailCenter: z
    .object({
      itemId: z.string(),
      reason: z.string(),
      reasonText: z.string(),
      evidence: z.array(z.string()),
      state: z.string(),
    })
    .optional(),
  /** The reply markers found in the email, topmost first. */
  markers: z.array(ZAddinMarker),
});
export type TAddinLookup = z.infer<typeof ZAddinLookup>;

export const ZSuggestionReasonCode = z.enum([
  'marker-valid',
  'marker-damaged',
  'marker-foreign',
  'our-message-id',
  'conversation',
  'subject-number',
  'sender-open-sr',
  'subject-similar',
]);
export type TSuggestionReasonCode = z.infer<typeof ZSuggestionReasonCode>;

export const ZAddinSuggestion = z.object({
  requestId: z.number().int(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  isClosed: z.boolean(),
  requester: ZPerson,
  score: z.number(),
  reasons: z.array(z.object({ code: ZSuggestionReasonCode, text: z.string() })).describe('Strongest first'),
});
export type TAddinSuggestion = z.infer<typeof ZAddinSuggestion>;
export const ZAddinSuggestions = z.object({
  items: z.array(ZAddinSuggestion).describe('Best first, at most 10'),
});

export const ZAddinFileRequest = z.strictObject({
  requestId: ZRequestRef,
  email: ZAddinEmail,
  attachments: ZAddinTickedAttachments,
});
export type TAddinFileRequest = z.input<typeof ZAddinFileRequest>;

export const ZAddinFiled = z.object({
  filing: ZAddinFiling,
  attachmentIds: z.array(z.string()),
  /** Set when the status policy changed the SR's status. */
  statusChange: z.object({ from: z.string(), to: z.string() }).optional(),
});
export type TAddinFiled = z.infer<typeof ZAddinFiled>;

export const ZAddinCreateRequest = z.strictObject({
  email: ZAddinEmail,
  attachments: ZAddinTickedAttachments,
  title: z.string().trim().min(1).max(200).optional().describe("Defaults to the email's subject"),
  priority: ZPriority.default('Medium'),
});
export type TAddinCreateRequest = z.input<typeof ZAddinCreateRequest>;

export const ZAddinCreated = ZAddinFiled.extend({
  request: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
});
export type TAddinCreated = z.infer<typeof ZAddinCreated>;

export const ZAddinMoveRequest = z.strictObject({
  internetMessageId: z.string().trim().min(3).max(998),
  fromRequestId: ZRequestRef,
  toRequestId: ZRequestRef,
});
export type TAddinMoveRequest = z.input<typeof ZAddinMoveRequest>;

export const ZAddinMoved = z.object({
  filing: ZAddinFiling,
  from: z.object({ requestId: z.number().int(), number: z.string() }),
});
export type TAddinMoved = z.infer<typeof ZAddinMoved>;

/** The 409 an action answers when the email is already where it would put it. */
export const ZAlreadyFiledDetails = z.object({
  requestId: z.number().int(),
  number: z.string(),
  noteId: z.string(),
});
