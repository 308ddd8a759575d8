import { ZClientConfig, type TClientConfig } from '../../contract/client-config.js';
import { defineRoute } from '../route.js';

/** What the tab and the add-in need before sign-in; public because it holds no secret. */
export function clientConfigRoutes(config: TClientConfig) {
  return [
    defineRoute({
      method: 'get',
      path: '/client-config',
      tag: 'Health',
      summary: 'Sign-in settings for the tab and the add-in',
      access: 'public',
      responses: { 200: { description: 'The settings', schema: ZClientConfig } },
      handler: async () => ({ status: 200, body: config }),
    }),
  ];
}
