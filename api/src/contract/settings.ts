import { z } from 'zod';

export const ZStatusDefinition = z.strictObject({ name: z.string().trim().min(1).max(60), isClosed: z.boolean() });

export const ZSettings = z.strictObject({
  statuses: z.array(ZStatusDefinition).min(1).max(50),
  replyStatusPolicy: z.record(z.string().max(60), z.string().max(60)).describe('current status -> status set when a reply arrives'),
  senderPolicy: z.enum(['participants-only', 'review']),
  closedPolicy: z.enum(['reopen', 'mail-center']),
  reopenStatus: z.string().trim().min(1).max(60),
  attachmentBlockList: z.array(z.string().trim().toLowerCase().regex(/^\.[a-z0-9]{1,10}$/, 'File extensions such as .exe')).max(200),
  blockedAttachmentAction: z.enum(['mail-center', 'strip']),
  mailCenterRetentionDays: z.number().int().min(1).max(3650),
});
export type TSettings = z.infer<typeof ZSettings>;

export const ZStatusList = z.object({ items: z.array(z.object({ name: z.string(), isClosed: z.boolean() })), total: z.number().int() });
