import { z } from 'zod';
import { MAX_RATE_LIMIT, RATE_LIMIT_LABELS, type RateLimits } from '../domain/rate-limits.js';

export const ZStatusDefinition = z.strictObject({
  name: z.string().trim().min(1).max(60),
  isClosed: z.boolean(),
});

// One message for every way a limit can be wrong, naming the field as the page does.
const limit = (field: keyof RateLimits) => {
  const error = `${RATE_LIMIT_LABELS[field]} must be a whole number from 1 to ${MAX_RATE_LIMIT}.`;
  return z.number({ error }).int({ error }).min(1, { error }).max(MAX_RATE_LIMIT, { error });
};

export const ZRateLimits = z.strictObject({
  inboundPerSenderPerHour: limit('inboundPerSenderPerHour')
    .optional()
    .describe('emails from one sender per hour; more are held in the Mail Center as a loop'),
  rulePerRecipientPerHour: limit('rulePerRecipientPerHour')
    .optional()
    .describe('rule (automatic) emails to one address per hour'),
  rulePerSrPerHour: limit('rulePerSrPerHour').optional().describe('rule emails about one SR per hour'),
});

const ZRateLimitDefaults = z.object({
  inboundPerSenderPerHour: z.number().int(),
  rulePerRecipientPerHour: z.number().int(),
  rulePerSrPerHour: z.number().int(),
});

export const ZSettings = z.strictObject({
  statuses: z.array(ZStatusDefinition).min(1).max(50),
  replyStatusPolicy: z
    .record(z.string().max(60), z.string().max(60))
    .describe('current status -> status set when a reply arrives'),
  senderPolicy: z.enum(['participants-only', 'review']),
  closedPolicy: z.enum(['reopen', 'mail-center']),
  reopenStatus: z.string().trim().min(1).max(60),
  attachmentBlockList: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^\.[a-z0-9_-]{1,20}$/, 'File extensions such as .exe'),
    )
    .max(200),
  blockedAttachmentAction: z.enum(['mail-center', 'strip']),
  mailCenterRetentionDays: z.number().int().min(1).max(3650),
  rateLimits: ZRateLimits.optional().describe(
    'loop guards the admin set; one left out follows rateLimitDefaults',
  ),
  rateLimitDefaults: ZRateLimitDefaults.optional()
    .meta({ readOnly: true })
    .describe("the installation's defaults (environment); read-only, ignored when sent"),
});
export type TSettings = z.infer<typeof ZSettings>;

export const ZStatusList = z.object({
  items: z.array(z.object({ name: z.string(), isClosed: z.boolean() })),
  total: z.number().int(),
});
