import { z } from 'zod';

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  mode: z.object({ demo: z.boolean(), store: z.string(), blobs: z.string(), graph: z.string() }),
  // `warning`: it answers, but an admin should act (the lowdb file has grown to where commits are slow).
  checks: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      detail: z.string().optional(),
      warning: z.string().optional(),
    }),
  ),
  instance: z
    .object({
      id: z.string(),
      leases: z.array(
        z.object({
          name: z.string(),
          accountId: z.string().optional(),
          fence: z.number().int(),
          expiresAt: z.string(),
        }),
      ),
    })
    .optional()
    .describe(
      'this instance (INSTANCE_ID) and the leases it holds: the mailboxes it syncs and subscriptions it owns',
    ),
});
export type THealth = z.infer<typeof ZHealth>;
