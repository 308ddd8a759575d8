import { z } from 'zod';
import { ZErrorBody } from '../../contract/common.js';
import { AppError } from '../../domain/app-error.js';
import { defineRoute } from '../route.js';

export type DemoSignIn = {
  listUsers(): Promise<{ upn: string; displayName: string; roles: string[] }[]>;
  signIn(upn: string): Promise<{ accessToken: string }>;
};

const ZDemoUsers = z.object({
  items: z.array(z.object({ upn: z.string(), displayName: z.string(), roles: z.array(z.string()) })),
});
const ZDemoSignIn = z.strictObject({ upn: z.email().max(254) });

/** Mounted only when DEMO=1: sign-in as a seeded demo user of the emulator's tenant. */
export function demoRoutes(directory: DemoSignIn) {
  return [
    defineRoute({
      method: 'get',
      path: '/demo/users',
      tag: 'Demo',
      summary: 'Demo mode: the users you can sign in as',
      access: 'public',
      responses: { 200: { description: 'Demo users', schema: ZDemoUsers } },
      handler: async () => ({ status: 200, body: { items: await directory.listUsers() } }),
    }),
    defineRoute({
      method: 'post',
      path: '/demo/sign-in',
      tag: 'Demo',
      summary: "Demo mode: an access token for a demo user, issued by the emulator's Entra",
      access: 'public',
      body: ZDemoSignIn,
      responses: {
        200: { description: 'A token for this API', schema: z.object({ accessToken: z.string() }) },
        400: { description: 'Unknown user', schema: ZErrorBody },
      },
      handler: async ({ body }) => {
        const users = await directory.listUsers();
        if (!users.some((u) => u.upn.toLowerCase() === body.upn.toLowerCase())) {
          throw new AppError(
            'validation_failed',
            `${body.upn} is not a demo user; choose one of ${users.map((u) => u.upn).join(', ')}.`,
          );
        }
        return { status: 200, body: await directory.signIn(body.upn) };
      },
    }),
  ];
}
