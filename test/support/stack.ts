import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { compose, type Runtime } from '../../api/src/compose.js';
import { parseConfig } from '../../api/src/config.js';
import { apiEnvironment, type EmulatorOptions } from '../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';
import { testStore } from './test-store.js';

export type TestStack = {
  /** http://127.0.0.1:PORT: the API, with the built tab at /tab/ and the add-in at /addin/ (same origin). */
  url: string;
  tabUrl: string;
  emulator: TestEmulator;
  /** The composed API: services give tests direct access to the store (fixtures the API would refuse). */
  runtime: Runtime;
  /** A real RS256 user token from the emulator, as the demo sign-in hands out. */
  tokenFor(upn: string): Promise<string>;
  close(): Promise<void>;
};

export type StackOptions = {
  /** Extra or overriding environment for parseConfig (e.g. { ADMIN_OBJECT_IDS: '<oid>' }). */
  env?: Record<string, string>;
  emulator?: Partial<EmulatorOptions>;
};

/**
 * What `npm start` runs, in-process and on free ports: the M365 emulator, then the API in demo mode against
 * it (DEMO=1, lowdb in a temp DATA_DIR), serving the built front ends. Browser tests of the tab and the
 * add-in share it; build the front ends first (test/support/build-front-ends.ts).
 */
export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const emulator = await startTestEmulator(options.emulator);
  const dataDir = mkdtempSync(join(tmpdir(), 'service-messaging-e2e-'));
  const store = await testStore('lowdb');
  // Listen before composing, so the API's public URL is this server's: the engine subscribes to change notifications
  // at start-up and the emulator's validation handshake must reach it (demo mode would otherwise assume
  // http://localhost:3978, where nothing of this stack listens: the health panel said "Failed ... 400 InvalidRequest").
  // Requests that come in while the API is being composed wait for it.
  let ready!: (app: Runtime['app'] | undefined) => void;
  const app = new Promise<Runtime['app'] | undefined>((resolve) => (ready = resolve));
  const server = createServer(
    (req, res) =>
      void app.then((handler) => {
        if (handler) handler(req, res);
        else res.writeHead(503).end();
      }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const parsed = parseConfig({
    NODE_ENV: 'test',
    DEMO: '1',
    ...store.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: url,
    ...apiEnvironment(emulator),
    ...options.env,
  });
  if (!parsed.ok) {
    ready(undefined);
    await closeServer(server);
    await emulator.close();
    throw new Error(`The test stack's configuration is invalid:\n${parsed.problems.join('\n')}`);
  }
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'e2e').catch(
    async (error: unknown) => {
      ready(undefined);
      await closeServer(server);
      await emulator.close();
      throw error;
    },
  );
  ready(runtime.app);

  return {
    url,
    tabUrl: `${url}/tab/`,
    emulator,
    runtime,
    async tokenFor(upn) {
      const res = await fetch(`${url}/api/demo/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ upn }),
      });
      if (!res.ok) throw new Error(`Demo sign-in for ${upn} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async close() {
      await closeServer(server);
      await runtime.close();
      await emulator.close();
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
