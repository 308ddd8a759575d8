import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { compose, type Runtime } from '../../../../api/src/compose.js';
import { parseConfig } from '../../../../api/src/config.js';
import {
  apiEnvironment,
  DEMO_TENANT_ID,
  SERVICE_MAILBOX,
  type EmulatorOptions,
} from '../../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator.js';
import { testStore } from '../../../support/test-store.js';

// The API as it runs (compose: lowdb or memory store, the real engine, real SDKs), listening on a free port so the
// emulator can post change notifications to it, beside an in-process emulator. Not demo mode: no seeded SRs or rules.

export type MailStack = {
  url: string;
  emulator: TestEmulator;
  runtime: Runtime;
  accountId: string;
  admin: string;
  agent: string;
  api(): ReturnType<typeof request>;
  close(): Promise<void>;
};

export type MailStackOptions = {
  env?: Record<string, string>;
  emulator?: Partial<EmulatorOptions>;
  /** Default true: the API gets a PUBLIC_URL, so subscriptions are created. */
  notifications?: boolean;
  /** Default true: support@contoso.test is added as the Default account with Service Messaging. */
  account?: boolean;
  /** Where the API's log lines go (with LOG_LEVEL in env); by default nowhere. */
  logTo?: { write(line: string): void };
  /** Reuse an emulator (it then outlives the stack). */
  sharedEmulator?: TestEmulator;
};

export async function startMailStack(options: MailStackOptions = {}): Promise<MailStack> {
  const emulator = options.sharedEmulator ?? (await startTestEmulator(options.emulator));
  const dataDir = mkdtempSync(join(tmpdir(), 'mail-engine-'));
  const store = await testStore('memory');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const parsed = parseConfig({
    NODE_ENV: 'test',
    ...store.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.MAIL_TEST_LOG ?? 'silent',
    ...apiEnvironment(emulator),
    // Tests trigger syncs themselves (notifications, "Sync now"); the sweep stays out of the way.
    MAIL_SWEEP_INTERVAL_SEC: '3600',
    MAIL_RETRY_BASE_SEC: '1',
    ...(options.notifications === false ? {} : { PUBLIC_URL: url }),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const logger = options.logTo
    ? pino({ level: parsed.config.logLevel }, options.logTo)
    : pino({ level: parsed.config.logLevel as 'silent' });
  const runtime = await compose(parsed.config, logger, 'test');
  server.on('request', runtime.app);
  const token = async (upn: string) => {
    const res = await emulator.control('POST', '/tokens/user', { upn });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const [admin, agent] = await Promise.all([token('admin@contoso.test'), token('agent@contoso.test')]);
  const api = () => request(url);
  let accountId = '';
  if (options.account !== false) {
    const res = await api().post('/api/admin/mail/accounts').set('authorization', `Bearer ${admin}`).send({
      emailAddress: SERVICE_MAILBOX,
      isDefault: true,
      serviceMessaging: true,
      tenantId: DEMO_TENANT_ID,
      clientId: emulator.mailApp.clientId,
      clientSecret: emulator.mailApp.clientSecret,
    });
    if (res.status !== 201)
      throw new Error(`Creating the mail account failed: ${res.status} ${JSON.stringify(res.body)}`);
    accountId = (res.body as { id: string }).id;
    // Saving an account starts its first sync in the background. Wait for it, or under load it runs after a test has
    // delivered mail and files replies the test meant its own "Sync now" to count.
    await firstSyncDone(api, accountId, admin);
  }
  return {
    url,
    emulator,
    runtime,
    accountId,
    admin,
    agent,
    api,
    async close() {
      await runtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.sharedEmulator) await emulator.close();
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function firstSyncDone(
  api: () => ReturnType<typeof request>,
  accountId: string,
  admin: string,
): Promise<void> {
  await eventually("the new account's first sync", async () => {
    const health = (
      await api().get(`/api/admin/mail/accounts/${accountId}/health`).set('authorization', `Bearer ${admin}`)
    ).body as { lastSync?: unknown; lastError?: unknown };
    return health.lastSync !== undefined || health.lastError !== undefined;
  });
}

/** Polls until `check` returns something truthy; fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
