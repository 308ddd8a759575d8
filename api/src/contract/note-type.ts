import { z } from 'zod';
import { listOf } from './common.js';

export const ZAccessLevel = z.enum(['User', 'Agent', 'Admin']);

export const ZNoteType = z.object({ code: z.string(), name: z.string(), accessLevel: ZAccessLevel });
export type TNoteType = z.infer<typeof ZNoteType>;
export const ZNoteTypeList = listOf(ZNoteType);

export const ZCreateNoteType = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Letters, digits, - and _ only (at most 40)')
    .transform((v) => v.toUpperCase()),
  name: z.string().trim().min(1).max(100),
  accessLevel: ZAccessLevel,
});
export const ZUpdateNoteType = ZCreateNoteType.omit({ code: true }).partial();
