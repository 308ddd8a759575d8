import { z } from 'zod';

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  mode: z.object({ demo: z.boolean(), store: z.string(), blobs: z.string(), graph: z.string() }),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().optional() })),
});
export type THealth = z.infer<typeof ZHealth>;
