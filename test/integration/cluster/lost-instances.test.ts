import { afterAll, beforeAll, expect, it } from 'vitest';
import { watchLostInstances, type LostInstancesWatch } from '../../../api/src/mail/lost-instances.js';
import { PostgresCoordination } from '../../../api/src/store/postgres/postgres-coordination.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import type { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { testMailCluster } from '../../support/mail-cluster.js';
import { eventually } from '../../support/emulator-graph-target.js';

// An instance that dies without handing over (its session gone, its heartbeat lease not released) is reported to the
// others once per death, so they run the SR events it left; on a real PostgreSQL.

let database: TestDatabase;
let store: PostgresStore;
let watcher: PostgresCoordination;
let watch: LostInstancesWatch;
const reports: string[][] = [];

beforeAll(async () => {
  database = await createTestDatabase('cluster_lost_instances');
  store = await openEmptyPostgresStore(database.url);
  watcher = await PostgresCoordination.open(database.url, 'A');
  // Z died before the watch began: the start's own pass covers it, so it is not reported.
  await liveAndDie('Z');
  watch = watchLostInstances(watcher, 'A', 50, (ids) => reports.push(ids));
  await watch.ready;
});
afterAll(async () => {
  watch?.stop();
  await Promise.all([watcher?.close(), store?.close()]);
  await database?.drop();
});

/** An instance `id` that starts (its heartbeat) and then dies: its session ends, its lease stays unreleased. */
async function liveAndDie(id: string): Promise<void> {
  const coordination = await PostgresCoordination.open(database.url, id);
  await testMailCluster(coordination, id, 60_000).heartbeat();
  await coordination.close();
}

/** The reports so far, once there are `count` of them. */
const reportsReach = (count: number): Promise<string[][]> =>
  eventually(() => (reports.length >= count ? reports : undefined), 10_000, `${count} reports`);

it('reports each death of an instance once, a second death of the same instance again', async () => {
  await liveAndDie('B');
  expect(await reportsReach(1)).toEqual([['B']]);
  // B comes back under its name (its lease renewed) and dies again: a lapse of its own.
  await liveAndDie('B');
  expect(await reportsReach(2)).toEqual([['B'], ['B']]);
  // Another death, many checks later: only C is new, B's lapse is not reported again.
  await liveAndDie('C');
  expect(await reportsReach(3)).toEqual([['B'], ['B'], ['C']]);
});

it('does not report an instance that stopped cleanly, handing its leases over, nor its own lapse', async () => {
  const coordination = await PostgresCoordination.open(database.url, 'D');
  const cluster = testMailCluster(coordination, 'D', 60_000);
  await cluster.heartbeat();
  await cluster.releaseAll();
  await coordination.close();
  // The watching instance's own lease lapses (as while the database restarts): E, dying after it, is reported alone.
  await testMailCluster(watcher, 'A', 100).heartbeat();
  await eventually(
    async () => ((await watcher.lapsed('instance:')).some((l) => l.holder === 'A') ? true : undefined),
    5_000,
    "A's own lease to lapse",
  );
  await liveAndDie('E');
  expect(await reportsReach(4)).toEqual([['B'], ['B'], ['C'], ['E']]);
});
