import { afterAll, beforeAll, expect, it } from 'vitest';
import { until, type FaultDesk } from './support/fault-desk.js';
import { kill, type Instance } from './support/instances.js';
import { startProcessCluster, type ProcessCluster } from './support/process-cluster.js';

// The lost-instances watch (lost-instances.test.ts tests its rules) as `npm run serve` starts it: two instances on
// one database, one SIGKILLed, and the survivor says so within a few lease times, naming it. The sweep is set to two
// minutes, so only the watch can explain a report this soon.

const LEASE_TTL_SEC = 3;

let cluster: ProcessCluster;
let desk: FaultDesk;
let instances: Instance[];

beforeAll(async () => {
  cluster = await startProcessCluster({
    label: 'cluster_lost_wiring',
    instanceIds: ['node-1', 'node-2'],
    requests: 1,
    env: { MAIL_SWEEP_INTERVAL_SEC: '120', MAIL_LEASE_TTL_SEC: String(LEASE_TTL_SEC) },
  });
  ({ desk, instances } = cluster);
}, 120_000);

afterAll(() => cluster?.close());

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
