import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { compose } from '../../api/src/compose.js';
import { parseConfig } from '../../api/src/config.js';
import type { EcIdKeyring } from '../../api/src/domain/ec-id.js';
import { PostgresStore } from '../../api/src/store/postgres/postgres-store.js';
import { ensureDemoMailAccount } from '../../api/src/services/demo/ensure-demo-mail-account.js';
import {
  apiEnvironment,
  DEMO_TENANT_ID,
  serviceMailboxAddresses,
  type EmulatorOptions,
} from '../../emulator/src/index.js';
import {
  kill,
  startInstance,
  stop,
  type Instance,
} from '../../test/integration/cluster/support/instances.js';
import { seedRequests } from '../../test/integration/mail/support/kill-rounds.js';
import { startEmulatorThread, type BenchEmulator } from './bench-stack.js';
import { cpuSeconds } from './process-cpu.js';
import { startRoundRobin, type RoundRobin } from './round-robin.js';

// Several API instances (`npm run serve` processes) on one PostgreSQL database and one emulator (in a worker thread),
// with BENCH_CLUSTER_MAILBOXES service mailboxes (default 10: support@, support2@ .. support10@), each with its own
// Outlook throttle. The accounts start with Service Messaging off, so a run can load a backlog and start every
// instance first, then switch the mailboxes on at one moment (`switchMailboxes(true)`).

/** BENCH_CLUSTER_CPU_PROFILE_DIR: every instance writes a V8 CPU profile there, one folder per run's database. */
const PROFILE_DIR = process.env.BENCH_CLUSTER_CPU_PROFILE_DIR;
export const BENCH_MAILBOXES = serviceMailboxAddresses(Number(process.env.BENCH_CLUSTER_MAILBOXES ?? 10));

export type ClusterBench = {
  emulator: BenchEmulator;
  db: pg.Pool;
  instances: Instance[];
  env: Record<string, string>;
  keyring: EcIdKeyring;
  /** SR ids, one per reply to come, in order. */
  requestIds: number[];
  /** Service Messaging on (or off) for every mailbox at once, as an admin's change would. */
  switchMailboxes(on: boolean): Promise<void>;
  close(): Promise<void>;
};

export async function startClusterBench(options: {
  caDir: string;
  instances: number;
  requests: number;
  emulator: Partial<Omit<EmulatorOptions, 'onExchange'>>;
  /** Change notifications through a round-robin load balancer (PUBLIC_URL), or none (the sweep alone). */
  push: boolean;
  sweepSec: number;
  beforeStart?: (bench: Pick<ClusterBench, 'emulator' | 'keyring' | 'requestIds'>) => Promise<void>;
}): Promise<ClusterBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-bench-'));
  const emulator = await startEmulatorThread({
    port: 0,
    seed: false,
    dataDir: join(dataDir, 'emulator'),
    caDir: options.caDir,
    serviceMailboxes: BENCH_MAILBOXES.length,
    ...options.emulator,
  });
  const server = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cluster_sync_bench_${randomBytes(4).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const instances: Instance[] = [];
  let lb: RoundRobin | undefined;
  if (options.push)
    lb = await startRoundRobin(() =>
      instances
        .filter((i) => i.process.exitCode === null && i.process.signalCode === null)
        .map((i) => i.port),
    );
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    STORE: 'postgres',
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: '6',
    DATA_DIR: join(dataDir, 'api'),
    SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.BENCH_CLUSTER_LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
    ...apiEnvironment(emulator),
    MAIL_SWEEP_INTERVAL_SEC: String(options.sweepSec),
    MAIL_LOOP_LIMIT_PER_HOUR: '100000',
    PUBLIC_URL: lb?.url ?? '',
    ...(PROFILE_DIR ? { CPU_PROFILE_DIR: join(PROFILE_DIR, name) } : {}),
  };
  const parsed = parseConfig({ ...env, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'cluster-bench');
  // Each SR's requester is the customer replyMime writes as (customerN@fabrikam.test), so every reply is a note.
  const requestIds = await seedRequests(
    runtime.services,
    options.requests,
    (id) => ({ name: `Customer ${id}`, email: `customer${id}@fabrikam.test` }),
    (i) => `Bench ${i}`,
  );
  const mailApp = emulator.tenant.apps.find((a) => a.clientSecret);
  const accountIds: string[] = [];
  for (const address of BENCH_MAILBOXES) {
    const account = await ensureDemoMailAccount(runtime.services, {
      emailAddress: address,
      displayName: address,
      tenantId: DEMO_TENANT_ID,
      clientId: mailApp?.clientId ?? '',
      clientSecret: mailApp?.clientSecret ?? '',
    });
    accountIds.push(account.id);
  }
  await runtime.services.store.transact(async (tx) => {
    for (const id of accountIds) {
      const account = await tx.collection('mailAccounts').get(id);
      if (account) await tx.collection('mailAccounts').put({ ...account, serviceMessaging: false });
    }
  });
  const keyring = runtime.services.ecIdKeyring;
  await runtime.close();
  await options.beforeStart?.({ emulator, keyring, requestIds });
  instances.push(
    ...(await Promise.all(
      Array.from({ length: options.instances }, (_, i) => startInstance(`bench-${i + 1}`, env)),
    )),
  );
  await Promise.all(instances.map((i) => i.listening));
  const db = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    emulator,
    db,
    instances,
    env,
    keyring,
    requestIds,
    switchMailboxes: async (on) => {
      // Through the store, as an admin's change would go: the instances hear of it on the store's channel.
      const store = await PostgresStore.open({ connectionString: url.toString(), poolSize: 1 });
      try {
        await store.transact(async (tx) => {
          for (const id of accountIds) {
            const account = await tx.collection('mailAccounts').get(id);
            if (account)
              await tx
                .collection('mailAccounts')
                .put({ ...account, serviceMessaging: on, updatedAt: new Date().toISOString() });
          }
        });
      } finally {
        await store.close();
      }
    },
    close: async () => {
      // A profile is written only by a process that exits: those the run did not kill stop cleanly first.
      if (PROFILE_DIR) await Promise.all(instances.map((i) => stop(i)));
      await Promise.all(instances.map((i) => kill(i)));
      await db.end();
      await lb?.close();
      await emulator.close();
      await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** CPU seconds of each PostgreSQL backend connected to the bench's database, by pid. */
export async function postgresCpu(bench: ClusterBench): Promise<Map<number, number>> {
  const { rows } = await bench.db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  return new Map(
    rows.map((r) => [r.pid, cpuSeconds(r.pid)] as const).filter(([, cpu]) => Number.isFinite(cpu)),
  );
}
