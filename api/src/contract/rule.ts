import { z } from 'zod';
import { ZEmail, listOf } from './common.js';

// Administration > rules: when something happens to an SR, send a template to someone.
const ZStatusName = z.string().trim().min(1).max(60);

export const ZRuleTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sr-created') }),
  z
    .strictObject({
      kind: z.literal('status-changed'),
      from: ZStatusName.optional(),
      to: ZStatusName.optional(),
    })
    .describe('from/to left out: any status'),
  z.strictObject({ kind: z.literal('note-added') }).describe('a PUBLIC note added by an agent'),
  z.strictObject({ kind: z.literal('assigned') }),
]);

export const ZRuleRecipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('requester') }),
  z.strictObject({ kind: z.literal('participants') }),
  z.strictObject({ kind: z.literal('assignee') }),
  z.strictObject({ kind: z.literal('address'), address: ZEmail }),
]);

export const ZRule = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  trigger: ZRuleTrigger,
  templateId: z.string(),
  recipients: z.array(ZRuleRecipient),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TRule = z.infer<typeof ZRule>;
export const ZRuleList = listOf(ZRule);

export const ZSaveRule = z.strictObject({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  trigger: ZRuleTrigger,
  templateId: z.string().min(1).max(100),
  recipients: z.array(ZRuleRecipient).min(1, 'Choose at least one recipient').max(10),
});
export type TSaveRule = z.input<typeof ZSaveRule>;
