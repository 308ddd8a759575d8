import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { compose, type Runtime } from '../../api/src/compose.js';
import { parseConfig } from '../../api/src/config.js';
import { ensureDemoMailAccount } from '../../api/src/services/ensure-demo-mail-account.js';
import { DEMO_TENANT_ID, SERVICE_MAILBOX, SERVICE_MESSAGING_CLIENT_ID, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src/index.js';

// The API as `npm start` composes it (real SDKs, the real engine) beside an in-process emulator, on free ports.

export type BenchStack = {
  emulator: RunningEmulator & { control(method: string, path: string, body?: unknown, contentType?: string): Promise<Response> };
  runtime: Runtime;
  /** Adds support@contoso.test with Service Messaging on; the engine starts on it at once. */
  addAccount(): Promise<string>;
  /** SRs with one requester each (customerN@fabrikam.test), created in one transaction. */
  createRequests(count: number): Promise<number[]>;
  deliver(mime: Buffer): Promise<void>;
  close(): Promise<void>;
};

export async function startBenchStack(options: { caDir: string; emulator: Partial<EmulatorOptions>; env: Record<string, string>; notifications: boolean }): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mail-bench-'));
  const emulator = await startEmulator({ port: 0, seed: false, dataDir: join(dataDir, 'emulator'), caDir: options.caDir, ...options.emulator });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const parsed = parseConfig({
    NODE_ENV: 'production',
    STORE: 'lowdb',
    DATA_DIR: join(dataDir, 'api'),
    LOG_LEVEL: 'silent',
    AAD_APP_CLIENT_ID: SERVICE_MESSAGING_CLIENT_ID,
    AAD_APP_TENANT_ID: DEMO_TENANT_ID,
    AAD_APP_OAUTH_AUTHORITY_HOST: emulator.authorityHost,
    GRAPH_MODE: 'emulator',
    GRAPH_BASE_URL: emulator.url,
    GRAPH_AUTHORITY_HOST: emulator.authorityHost,
    ...(options.notifications ? { PUBLIC_URL: url } : {}),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'bench');
  server.on('request', runtime.app);
  const mailApp = emulator.tenant.apps.find((a) => a.clientSecret);
  const control = (method: string, path: string, body?: unknown, contentType?: string) =>
    fetch(`${emulator.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType ?? 'application/json' },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    });
  return {
    emulator: { ...emulator, control },
    runtime,
    async addAccount() {
      const account = await ensureDemoMailAccount(runtime.services, {
        emailAddress: SERVICE_MAILBOX,
        displayName: 'Contoso Support',
        tenantId: DEMO_TENANT_ID,
        clientId: mailApp?.clientId ?? '',
        clientSecret: mailApp?.clientSecret ?? '',
      });
      return account.id;
    },
    async createRequests(count) {
      const now = new Date().toISOString();
      return runtime.services.store.transact(async (tx) => {
        const ids: number[] = [];
        for (let i = 0; i < count; i++) {
          const id = await tx.nextSequence('requests');
          await tx.collection('requests').insert({
            id,
            title: `Bench request ${i}`,
            description: '',
            requester: { name: `Customer ${id}`, email: `customer${id}@fabrikam.test` },
            participants: [],
            status: 'Awaiting Customer',
            priority: 'Medium',
            createdAt: now,
            updatedAt: now,
            hasNewEmailReply: false,
          });
          ids.push(id);
        }
        return ids;
      });
    },
    async deliver(mime) {
      const res = await control('POST', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`, mime, 'message/rfc822');
      if (res.status !== 201) throw new Error(`delivery failed: ${res.status} ${await res.text()}`);
    },
    async close() {
      await runtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
