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
    signals[mailbox] = { startedAt: 0, remaining: left, to: undefined };
  }
  return signals;
}
const handOverOn = (signals: Record<string, HandOverSignal>) =>
  new HandOver(clusterA, () => Object.values(signals).map((handOver) => ({ handOver })));
const handedTo = (signals: Record<string, HandOverSignal>) =>
  Object.fromEntries(Object.entries(signals).map(([mailbox, s]) => [mailbox, s.to]));
/** The syncs end: their mailbox leases, and the receivers reserved for them, go back (the instances stay live). */
async function releaseAll(): Promise<void> {
  for (const lease of await a.holders())
    if (/^(mailbox|receiving):/.test(lease.name)) await a.release(lease.name, lease.holder, lease.fence);
}

const clusterB = () => testMailCluster(b, 'B', 60_000);

/** A third live instance, C, for the length of `test`; it and what it reserved are gone afterwards. */
async function withInstanceC(test: (clusterC: MailCluster) => Promise<void>): Promise<void> {
  const c = await PostgresCoordination.open(database.url, 'C');
  try {
    const clusterC = testMailCluster(c, 'C', 60_000);
    await clusterC.heartbeat();
    await test(clusterC);
  } finally {
    for (const lease of await c.holders('instance:C')) await c.release(lease.name, lease.holder, lease.fence);
    await c.close();
    await releaseAll();
  }
}

describe('hand-over between instances', () => {
  it('gives the idle instance the sync that evens the two backlogs best, one at a time', async () => {
    await clusterB().reportBacklog(0);
    const signals = await syncingOnA({ one: 40, two: 150, three: 90 });
    const handOver = handOverOn(signals);
    await handOver.check();
    // 280 waiting against 0: moving 90 leaves 190 / 90, moving 150 would leave 130 / 150 and only move the wait.
    expect(handedTo(signals)).toEqual({ one: undefined, two: undefined, three: 'B' });
    // The first has not wound down yet (its lease is still A's): no second one meanwhile.
    await handOver.check();
    expect(handedTo(signals)).toEqual({ one: undefined, two: undefined, three: 'B' });
    await releaseAll();
  });

  it('hands an instance one mailbox at a time: a second busy instance looking then finds it reserved', async () => {
    await withInstanceC(async (clusterC) => {
      await clusterB().reportBacklog(0);
      const onA = await syncingOnA({ sixteen: 150, seventeen: 90 });
      await handOverOn(onA).check();
      expect(handedTo(onA)).toEqual({ sixteen: undefined, seventeen: 'B' });
      // C is as busy as A was, and looks before B has anything: B is A's until its hand-over settles, and A has too
      // much waiting for a share of C's to help.
      const onC: Record<string, HandOverSignal> = {
        eighteen: { startedAt: 0, remaining: 150, to: undefined },
        nineteen: { startedAt: 0, remaining: 90, to: undefined },
      };
      await new HandOver(clusterC, () => Object.values(onC).map((handOver) => ({ handOver }))).check();
      expect(handedTo(onC)).toEqual({ eighteen: undefined, nineteen: undefined });
    });
  });

  it('neither offers nor lets another giver reserve an instance already reserved, lightest or not', async () => {
    await withInstanceC(async (clusterC) => {
      await clusterC.reportBacklog(100);
      await clusterB().reportBacklog(0);
      expect(await clusterA.lightestInstance()).toEqual({ id: 'B', backlog: 0 });
      expect(await clusterC.receivers.reserve('B')).toBe(true);
      expect(await clusterA.receivers.reserve('B')).toBe(false);
      expect(await clusterA.lightestInstance()).toEqual({ id: 'C', backlog: 100 });
    });
  });

  it('says its backlog, so the other instances see what it has waiting', async () => {
    const signals = await syncingOnA({ ten: 70, eleven: 30 });
    await clusterB().reportBacklog(90);
    await handOverOn(signals).check();
    expect(await clusterB().lightestInstance()).toEqual({ id: 'A', backlog: 100 });
    await releaseAll();
  });

  it('hands nothing to an instance whose syncs are still listing, nor while its own are', async () => {
    // B has just started syncing: its listings have not come back, so it cannot say how much it has.
    await clusterB().reportBacklog(undefined);
    const busy = await syncingOnA({ thirteen: 150, fourteen: 150, fifteen: 90 });
    await handOverOn(busy).check();
    expect(Object.values(handedTo(busy))).toEqual([undefined, undefined, undefined]);
    // B has listed and is idle; but one of A's syncs is listing again (a second round): A waits for its own count.
    await clusterB().reportBacklog(0);
    const listing = await syncingOnA({ thirteen: 150, fourteen: 150 });
    listing.fifteen = { startedAt: 0, remaining: undefined, to: undefined };
    await handOverOn(listing).check();
    expect(Object.values(handedTo(listing))).toEqual([undefined, undefined, undefined]);
    expect(await clusterB().lightestInstance()).toBeUndefined();
    await releaseAll();
  });

  it('keeps the mailboxes when the backlogs are close: four mailboxes against three, early on', async () => {
    const early = await syncingOnA({ four: 160, five: 160, six: 160, seven: 160 });
    await clusterB().reportBacklog(480);
    await handOverOn(early).check();
    expect(Object.values(handedTo(early))).toEqual([undefined, undefined, undefined, undefined]);
    await releaseAll();
    // Half-way, the same gap is twice what is left of each: one of them goes.
    const halfWay = await syncingOnA({ four: 80, five: 80, six: 80, seven: 80 });
    await clusterB().reportBacklog(160);
    await handOverOn(halfWay).check();
    expect(Object.values(handedTo(halfWay)).filter((to) => to === 'B')).toHaveLength(1);
    await releaseAll();
  });

  it('keeps a sync that started less than five seconds ago, where instances may not all have begun', async () => {
    await clusterB().reportBacklog(0);
    const young = await syncingOnA({ twenty: 150, 'twenty-one': 90 });
    for (const signal of Object.values(young)) signal.startedAt = 6_000;
    const at = (now: number) =>
      new HandOver(
        clusterA,
        () => Object.values(young).map((handOver) => ({ handOver })),
        () => now,
      );
    await at(10_000).check();
    expect(handedTo(young)).toEqual({ twenty: undefined, 'twenty-one': undefined });
    await at(11_000).check();
    expect(handedTo(young)).toEqual({ twenty: undefined, 'twenty-one': 'B' });
    await releaseAll();
  });

  it('keeps a backlog nearly done, and a single mailbox', async () => {
    await clusterB().reportBacklog(0);
    const nearlyDone = await syncingOnA({ eight: 19, nine: 12 });
    await handOverOn(nearlyDone).check();
    expect(handedTo(nearlyDone)).toEqual({ eight: undefined, nine: undefined });
    await releaseAll();
    const single = await syncingOnA({ twelve: 500 });
    await handOverOn(single).check();
    expect(handedTo(single)).toEqual({ twelve: undefined });
    await releaseAll();
  });
});

describe('where the sync of a mailbox runs', () => {
  const take = (c: PostgresCoordination, holder: string, ...mailboxes: string[]) =>
    Promise.all(mailboxes.map((m) => c.acquire(`mailbox:${m}`, holder, 60_000)));

  it('gives a mailbox past the even share, rounded down, to an instance syncing fewer', async () => {
    await take(a, 'A', 'p1', 'p2');
    await take(b, 'B', 'p3');
    const ran: string[] = [];
    // Two each is the even share (five on two, rounded down): A's third goes to B, which has one.
    expect(await clusterA.syncHolding('p4', 5, async () => ran.push('p4') && {})).toEqual({
      held: false,
      handedTo: 'B',
    });
    await take(b, 'B', 'p4');
    // Two each: nobody syncs fewer, so A keeps the fifth.
    expect(await clusterA.syncHolding('p5', 5, async () => ran.push('p5') && {})).toMatchObject({
      held: true,
    });
    expect(ran).toEqual(['p5']);
    await releaseAll();
  });

  it('passes the lease of a sync that hands itself over straight to the receiver, which syncs it whatever its load', async () => {
    let fenceOnA = 0;
    expect(await clusterA.receivers.reserve('B')).toBe(true);
    await clusterA.syncHolding('q1', undefined, async (lease) => {
      fenceOnA = lease.fence;
      return { handedOverTo: 'B' };
    });
    // B's reservation, good for 30 s while the sync wound down, now ends a few seconds after the pass.
    const [reservation] = await b.holders('receiving:B');
    expect(Date.parse(reservation!.expiresAt) - Date.now()).toBeLessThanOrEqual(3_000);
    // A sync queued on A meanwhile finds the mailbox B's, where a release would have let A take it straight back.
    expect(await clusterA.syncHolding('q1', 2, async () => ({}))).toMatchObject({
      held: false,
      holder: { holder: 'B', fence: fenceOnA + 1 },
    });
    // B, woken, syncs it although it holds more mailboxes than A: the lease was passed to it.
    await take(b, 'B', 'q2');
    let fenceOnB = 0;
    const received = await clusterB().syncHolding('q1', 2, async (lease) => {
      fenceOnB = lease.fence;
      return {};
    });
    expect(received).toMatchObject({ held: true });
    expect(fenceOnB).toBe(fenceOnA + 1);
    await releaseAll();
  });
});
