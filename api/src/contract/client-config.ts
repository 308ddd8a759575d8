import { z } from 'zod';

export const ZClientConfig = z.object({
  demo: z.boolean(),
  clientId: z.string(),
  tenantId: z.string(),
  authority: z.string().describe('https://login.microsoftonline.com/<tenant>, or the emulator in demo mode'),
  apiScope: z.string().describe('api://<host>/<client id>/access_as_user'),
});
export type TClientConfig = z.infer<typeof ZClientConfig>;
