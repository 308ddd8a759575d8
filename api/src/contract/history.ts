import { z } from 'zod';
import { listOf } from './common.js';

export const ZHistoryEntry = z.object({
  id: z.string(),
  requestId: z.number().int(),
  kind: z.string(),
  summary: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  at: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;
export const ZHistoryList = listOf(ZHistoryEntry);
