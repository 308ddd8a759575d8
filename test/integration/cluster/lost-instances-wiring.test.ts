import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { setUpFaultDesk, until, type FaultDesk } from './support/fault-desk.js';
import { kill, startInstance, type Instance } from './support/instances.js';

// The lost-instances watch (lost-instances.test.ts tests its rules) as `npm run serve` starts it: two instances on
// one database, one SIGKILLed, and the survivor says so within a few lease times, naming it. The sweep is set to two
// minutes, so only the watch can explain a report this soon.

const LEASE_TTL_SEC = 3;

let database: TestDatabase;
let emulator: TestEmulator;
let desk: FaultDesk;
const instances: Instance[] = [];

beforeAll(async () => {
  database = await createTestDatabase('cluster_lost_wiring');
  emulator = await startTestEmulator();
  desk = await setUpFaultDesk({
    databaseUrl: database.url,
    emulator,
    requests: 1,
    env: { MAIL_SWEEP_INTERVAL_SEC: '120', MAIL_LEASE_TTL_SEC: String(LEASE_TTL_SEC) },
  });
  instances.push(...(await Promise.all(['node-1', 'node-2'].map((id) => startInstance(id, desk.env)))));
  await Promise.all(instances.map((i) => i.listening));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => kill(i)));
  await desk?.close();
  await emulator?.close();
  await database?.drop();
});

type LogLine = { msg?: string; instances?: string[] };
const reports = (instance: Instance): LogLine[] =>
  instance.output
    .join('')
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    })
    .filter((line) => line.msg?.startsWith('instances stopped without handing over'));

it('reports an instance that died without handing over to the one still running, naming it', async () => {
  const [survivor, victim] = instances as [Instance, Instance];
  // Both have said they are alive (their heartbeat leases), so the death is a lapse the watch has not seen before.
  await until(
    'both heartbeats',
    async () =>
      (await desk.count(
        "SELECT count(*) AS n FROM sm_leases WHERE name LIKE 'instance:%' AND NOT released",
      )) === 2,
    15_000,
  );
  expect(reports(survivor)).toEqual([]);
  await kill(victim);
  await until(
    'the survivor to report the lost instance',
    async () => reports(survivor).length > 0,
    4 * LEASE_TTL_SEC * 1000,
  );
  expect(reports(survivor).map((line) => line.instances)).toEqual([[victim.id]]);
}, 60_000);
