import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandOver, type HandOverSignal } from '../../../api/src/mail/hand-over.js';
import type { MailCluster } from '../../../api/src/mail/mail-cluster.js';
import { PostgresCoordination } from '../../../api/src/store/postgres/postgres-coordination.js';
import type { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import { testMailCluster } from '../../support/mail-cluster.js';

// When a busy instance gives a mailbox's backlog to an idle one, on a real PostgreSQL: two coordinations stand for
// two live instances, and the syncs running on the first are the signals its hand-over reads and sets.

let database: TestDatabase;
let store: PostgresStore;
let a: PostgresCoordination;
let b: PostgresCoordination;
let clusterA: MailCluster;

beforeAll(async () => {
  database = await createTestDatabase('cluster_hand_over');
  store = await openEmptyPostgresStore(database.url);
  [a, b] = await Promise.all([
    PostgresCoordination.open(database.url, 'A'),
    PostgresCoordination.open(database.url, 'B'),
  ]);
  clusterA = testMailCluster(a, 'A', 60_000);
  await Promise.all([clusterA.heartbeat(), testMailCluster(b, 'B', 60_000).heartbeat()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), store?.close()]);
  await database?.drop();
});

/** A's syncs in progress, each holding its mailbox's lease, with what is left of each. */
async function syncingOnA(remaining: Record<string, number>): Promise<Record<string, HandOverSignal>> {
  const signals: Record<string, HandOverSignal> = {};
  for (const [mailbox, left] of Object.entries(remaining)) {
    await a.acquire(`mailbox:${mailbox}`, 'A', 60_000);
    signals[mailbox] = { remaining: left, to: undefined };
  }
  return signals;
}
const handOverOn = (signals: Record<string, HandOverSignal>) =>
  new HandOver(clusterA, () => Object.values(signals).map((handOver) => ({ handOver })));
const handedTo = (signals: Record<string, HandOverSignal>) =>
  Object.fromEntries(Object.entries(signals).map(([mailbox, s]) => [mailbox, s.to]));
/** The syncs end: their mailbox leases go back (the instances stay live). */
async function releaseAll(): Promise<void> {
  for (const lease of await a.holders('mailbox:')) await a.release(lease.name, lease.holder, lease.fence);
}

describe('hand-over between instances', () => {
  it('gives the mailbox with the most left to an idle instance, one at a time', async () => {
    const signals = await syncingOnA({ one: 40, two: 150, three: 90 });
    const handOver = handOverOn(signals);
    await handOver.check();
    expect(handedTo(signals)).toEqual({ one: undefined, two: 'B', three: undefined });
    // The first has not wound down yet (its lease is still A's): no second one meanwhile.
    await handOver.check();
    expect(handedTo(signals)).toEqual({ one: undefined, two: 'B', three: undefined });
    await releaseAll();
  });

  it('keeps the mailboxes when the other instance syncs only one fewer', async () => {
    const signals = await syncingOnA({ four: 100, five: 100 });
    await b.acquire('mailbox:six', 'B', 60_000);
    await handOverOn(signals).check();
    expect(handedTo(signals)).toEqual({ four: undefined, five: undefined });
    await releaseAll();
  });

  it('keeps a backlog nearly done, and a single mailbox', async () => {
    const nearlyDone = await syncingOnA({ seven: 19, eight: 12 });
    await handOverOn(nearlyDone).check();
    expect(handedTo(nearlyDone)).toEqual({ seven: undefined, eight: undefined });
    await releaseAll();
    const single = await syncingOnA({ nine: 500 });
    await handOverOn(single).check();
    expect(handedTo(single)).toEqual({ nine: undefined });
    await releaseAll();
  });
});
