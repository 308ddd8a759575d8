import { z } from 'zod';

export const ZMe = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z
    .array(z.enum(['ServiceDesk.Admin', 'ServiceDesk.Agent']))
    .describe('including admin rights granted through ADMIN_OBJECT_IDS'),
});
export type TMe = z.infer<typeof ZMe>;
