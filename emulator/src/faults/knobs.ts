import { z } from 'zod';

const ZScriptedFault = z.object({
  method: z.string().optional(),
  /** Glob over the request path: `*` matches within a segment, `**` across segments. */
  path: z.string(),
  status: z.union([z.number().int().min(200).max(599), z.literal('reset')]),
  /** How many matching requests get the fault (default 1). */
  times: z.number().int().min(1).default(1),
  retryAfterSec: z.number().int().min(0).optional(),
});

/** Realism knobs and faults: all of them settable at start (options/env) and at run time (POST /_emulator/faults). */
export const ZKnobs = z.object({
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  rate: z.number().min(0).max(1).default(0),
  statuses: z
    .array(
      z.union([
        z.literal(401),
        z.literal(404),
        z.literal(429),
        z.literal(500),
        z.literal(502),
        z.literal(503),
        z.literal(504),
        z.literal('reset'),
      ]),
    )
    .default([429, 503]),
  retryAfterSec: z.number().int().min(0).max(3600).default(2),
  throttle: z.boolean().default(false),
  maxConcurrentPerMailbox: z.number().int().min(1).default(4),
  requestsPer10Min: z.number().int().min(1).default(10_000),
  uploadBytesPer5Min: z
    .number()
    .int()
    .min(1)
    .default(150 * 1024 * 1024),
  script: z.array(ZScriptedFault).default([]),
  irregularPaging: z.boolean().default(false),
  sentItemsDelayMs: z.number().int().min(0).max(600_000).default(0),
  hideNotifiedMessagesMs: z.number().int().min(0).max(600_000).default(0),
  notificationDuplicateRate: z.number().min(0).max(1).default(0),
  notificationDelayMs: z.number().int().min(0).max(600_000).default(0),
  notificationRetryDelaysMs: z
    .array(z.number().int().min(0))
    .default([1_000, 5_000, 30_000, 60_000, 300_000]),
  /** Graph wants a 2xx within 3 s; slower answers count as failures and are retried (docs/graph-behaviour.md §6.3). */
  notificationTimeoutMs: z.number().int().min(1).default(3_000),
  maxSubscriptionMinutes: z.number().int().min(1).default(10_080),
  tokenLifetimeSec: z.number().int().min(1).default(3599),
  /** Addresses or domains whose mail arrives with failing SPF, DMARC and compauth (a forged From:). */
  unauthenticatedSenders: z.array(z.string().trim().min(1)).default([]),
});

export type Knobs = z.infer<typeof ZKnobs>;
export type ScriptedFault = z.infer<typeof ZScriptedFault>;

export const DEFAULT_KNOBS: Knobs = ZKnobs.parse({});
