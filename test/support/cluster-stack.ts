import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { compose, type Runtime } from '../../api/src/compose.js';
import { parseConfig, type Config } from '../../api/src/config.js';
import { apiEnvironment, DEMO_TENANT_ID, SERVICE_MAILBOX } from '../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';
import { createTestDatabase } from './postgres-database.js';

// Several API instances in one test process, as a cluster runs them: one PostgreSQL database, one emulator, the
// same SECRET_KEY and the same DATA_DIR (the shared blob folder; the EC_ID keys are in the database), each with its own INSTANCE_ID,
// its own outbound worker and mail engine. The instances share a clock the test can move forward.

export type ClusterStack = {
  emulator: TestEmulator;
  runtimes: Runtime[];
  admin: string;
  agent: string;
  api(instance: number): ReturnType<typeof request>;
  /** Moves every instance's clock forward (the emulator keeps real time). */
  shiftClock(byMs: number): void;
  /** Successful Graph send calls so far: each is one email out of the desk. */
  sendCalls(): number;
  /** Waits until no instance has a pass running, no SR event is pending and no email is still being sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
};

export const DESK = SERVICE_MAILBOX;

export async function startClusterStack(options: {
  label: string;
  instances?: number;
  env?: Record<string, string>;
}): Promise<ClusterStack> {
  const emulator = await startTestEmulator();
  const database = await createTestDatabase(options.label);
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-'));
  const secretKey = randomBytes(32).toString('base64');
  const configOf = (i: number): Config => {
    const parsed = parseConfig({
      NODE_ENV: 'test',
      STORE: 'postgres',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '4',
      INSTANCE_ID: `instance-${i}`,
      SECRET_KEY: secretKey,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...apiEnvironment(emulator),
      ...options.env,
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    return parsed.config;
  };
  let offset = 0;
  const runtimes: Runtime[] = [];
  // One after another: the first migrates the database and writes the defaults the others then find.
  for (let i = 0; i < (options.instances ?? 2); i += 1) {
    const runtime = await compose(configOf(i), pino({ level: 'silent' }), 'test');
    runtime.services.clock = () => new Date(Date.now() + offset);
    runtimes.push(runtime);
  }
  const token = async (upn: string) => {
    const res = await emulator.control('POST', '/tokens/user', { upn });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const [admin, agent] = [await token('admin@contoso.test'), await token('agent@contoso.test')];
  const first = runtimes[0] as Runtime;
  const sendPath = /\/messages\/[^/]+\/send$/;
  return {
    emulator,
    runtimes,
    admin,
    agent,
    api: (i) => request((runtimes[i] as Runtime).app),
    shiftClock(byMs) {
      offset += byMs;
    },
    sendCalls: () =>
      emulator.exchanges.filter((e) => e.method === 'POST' && sendPath.test(e.path) && e.status === 202)
        .length,
    async settled() {
      const deadline = Date.now() + 15_000;
      for (;;) {
        await Promise.all(runtimes.map((r) => r.outbound.idle()));
        const pending = await first.services.store.read(
          async (tx) =>
            (await tx.collection('srEvents').count()) +
            (await tx.collection('outboundEmails').unfinished()).filter((e) => e.status === 'sending').length,
        );
        if (pending === 0) return;
        if (Date.now() > deadline) throw new Error(`${pending} SR events or sends still pending after 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const runtime of runtimes) await runtime.close().catch(() => undefined);
      await emulator.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Default account on the emulator's support mailbox, added through instance 0. */
export async function addDefaultAccount(stack: ClusterStack): Promise<string> {
  const res = await stack.api(0).post('/api/admin/mail/accounts').auth(stack.admin, { type: 'bearer' }).send({
    emailAddress: DESK,
    displayName: 'Contoso Support',
    tenantId: DEMO_TENANT_ID,
    clientId: stack.emulator.mailApp.clientId,
    clientSecret: stack.emulator.mailApp.clientSecret,
    isDefault: true,
    serviceMessaging: true,
  });
  if (res.status !== 201) throw new Error(`Adding the account: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Creates an SR through instance `i`; returns its number (SR-000001). */
export async function createSr(
  stack: ClusterStack,
  i: number,
  requester: { name: string; email: string },
): Promise<string> {
  const res = await stack
    .api(i)
    .post('/api/requests')
    .auth(stack.agent, { type: 'bearer' })
    .send({ title: `Laptop will not start (${requester.name})`, requester });
  if (res.status !== 201) throw new Error(`Creating the SR: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.number as string;
}
