import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { compose, type Runtime } from '../../api/src/compose.js';
import { parseConfig } from '../../api/src/config.js';
import { ensureDemoMailAccount } from '../../api/src/services/demo/ensure-demo-mail-account.js';
import { Worker } from 'node:worker_threads';
import { createBenchDatabase } from './bench-database.js';
import {
  apiEnvironment,
  DEMO_TENANT_ID,
  SERVICE_MAILBOX,
  type EmulatorOptions,
  type TenantInfo,
} from '../../emulator/src/index.js';

// The API as `npm start` composes it (real SDKs, the real engine) beside an in-process emulator, on free ports.

export type BenchStore = 'lowdb' | 'memory' | 'postgres';

export type Exchange = { method: string; path: string; status: number; batched: boolean; at: number };

export type BenchEmulator = {
  url: string;
  authorityHost: string;
  tenant: TenantInfo;
  control(method: string, path: string, body?: unknown, contentType?: string): Promise<Response>;
  /** Every request the emulator answered since the last clear, with the time it answered. */
  exchanges(): Promise<Exchange[]>;
  clearExchanges(): Promise<void>;
  close(): Promise<void>;
};

export type BenchStack = {
  emulator: BenchEmulator;
  runtime: Runtime;
  /** Where the API listens (http://127.0.0.1:port). */
  url: string;
  /** Adds support@contoso.test with Service Messaging on; the engine starts on it at once. */
  addAccount(): Promise<string>;
  /** SRs with one requester each (customerN@fabrikam.test), created in one transaction. */
  createRequests(count: number): Promise<number[]>;
  deliver(mime: Buffer): Promise<void>;
  close(): Promise<void>;
};

export async function startBenchStack(options: {
  caDir: string;
  emulator: Partial<Omit<EmulatorOptions, 'onExchange'>>;
  env: Record<string, string>;
  notifications: boolean;
  store?: BenchStore;
}): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mail-bench-'));
  const database = options.store === 'postgres' ? await createBenchDatabase('stack') : undefined;
  const emulator = await startEmulatorThread({
    port: 0,
    seed: false,
    dataDir: join(dataDir, 'emulator'),
    caDir: options.caDir,
    ...options.emulator,
  });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const parsed = parseConfig({
    NODE_ENV: 'production',
    STORE: options.store ?? 'lowdb',
    DATA_DIR: join(dataDir, 'api'),
    ...(database ? { DATABASE_URL: database.url } : {}),
    LOG_LEVEL: 'silent',
    ...apiEnvironment(emulator),
    ...(options.notifications ? { PUBLIC_URL: url } : {}),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'bench');
  server.on('request', runtime.app);
  const mailApp = emulator.tenant.apps.find((a) => a.clientSecret);
  const control = emulator.control;
  return {
    emulator,
    runtime,
    url,
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
      const res = await control(
        'POST',
        `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
        mime,
        'message/rfc822',
      );
      if (res.status !== 201) throw new Error(`delivery failed: ${res.status} ${await res.text()}`);
    },
    async close() {
      await runtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The emulator in a worker thread (scripts/bench/emulator-worker.ts), driven over its HTTP control API. */
export async function startEmulatorThread(options: EmulatorOptions): Promise<BenchEmulator> {
  // A worker does not inherit tsx's loader hooks: it registers them before importing the TypeScript entry.
  const entry = JSON.stringify(new URL('./emulator-worker.ts', import.meta.url).href);
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`,
    { eval: true, workerData: options },
  );
  const next = <T>(key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(message[key] as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const started = await next<{ url: string; authorityHost: string; tenant: TenantInfo }>('started');
  const control = (method: string, path: string, body?: unknown, contentType?: string) =>
    fetch(`${started.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType ?? 'application/json' },
      body:
        body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    });
  return {
    ...started,
    control,
    exchanges: () => {
      const answer = next<Exchange[]>('exchanges');
      worker.postMessage('exchanges');
      return answer;
    },
    clearExchanges: async () => {
      const answer = next<boolean>('cleared');
      worker.postMessage('clear');
      await answer;
    },
    close: async () => {
      const answer = next<boolean>('closed');
      worker.postMessage('close');
      await answer;
      await worker.terminate();
    },
  };
}
