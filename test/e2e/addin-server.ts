import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApi, type TestApi } from '../support/test-api.js';

export type AddinServer = { url: string; paneUrl: string; api: TestApi; close(): Promise<void> };

/**
 * The API (memory store, test signing key) serving the built add-in at /addin/, as in production: not demo mode, so
 * the pane signs in the way Outlook lets it (the Office stub's getAccessToken hands it a token from `api.token`).
 */
export async function startAddinServer(): Promise<AddinServer> {
  const api = await createTestApi({ extra: { staticRoots: { '/addin': 'addin/dist' } } });
  const server = createServer(api.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    paneUrl: `${url}/addin/taskpane.html`,
    api,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
