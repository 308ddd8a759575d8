import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFence } from '../../../api/src/mail/fenced-writes.js';
import { LeaseLostError, type Wake } from '../../../api/src/ports/coordination.js';
import { PostgresCoordination } from '../../../api/src/store/postgres/postgres-coordination.js';
import type { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { eventually } from '../../support/emulator-graph-target.js';
import { testMailCluster } from '../../support/mail-cluster.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';

// Leases, fences, wakes and shared subscriptions on a real PostgreSQL: two coordinations stand for two instances.

let database: TestDatabase;
let store: PostgresStore;
let a: PostgresCoordination;
let b: PostgresCoordination;

beforeAll(async () => {
  database = await createTestDatabase('cluster_sync_coordination');
  store = await openEmptyPostgresStore(database.url);
  [a, b] = await Promise.all([
    PostgresCoordination.open(database.url, 'A'),
    PostgresCoordination.open(database.url, 'B'),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), store?.close()]);
  await database?.drop();
});

async function lockWaits(): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const noteType = (id: string) => ({ id, code: id, name: `Type ${id}`, accessLevel: 'User' as const });

describe('PostgreSQL leases', () => {
  it('grants a lease to one holder at a time; a renewal keeps it and the fence', async () => {
    const first = await a.acquire('mailbox:one', 'A', 10_000);
    expect(first).toMatchObject({ name: 'mailbox:one', holder: 'A' });
    expect(await b.acquire('mailbox:one', 'B', 10_000)).toBeUndefined();
    expect(await b.renew('mailbox:one', 'B', first!.fence, 10_000)).toBeUndefined();
    expect(await a.renew('mailbox:one', 'A', first!.fence, 10_000)).toMatchObject({
      holder: 'A',
      fence: first!.fence,
    });
    expect((await b.holders('mailbox:')).map((l) => [l.name, l.holder])).toEqual([['mailbox:one', 'A']]);
  });

  it('passes an expired lease to the next holder with a higher fence; the ex-holder can no longer renew it', async () => {
    const first = (await a.acquire('mailbox:two', 'A', 300))!;
    const second = await eventually(() => b.acquire('mailbox:two', 'B', 10_000), 5_000, 'the lease to lapse');
    expect(second.fence).toBeGreaterThan(first.fence);
    expect(await a.renew('mailbox:two', 'A', first.fence, 10_000)).toBeUndefined();
    expect(await a.lease('mailbox:two')).toMatchObject({ holder: 'B', fence: second.fence, released: false });
  });

  it('hands a released lease on at once, and says it was given back rather than lapsed', async () => {
    const first = (await a.acquire('mailbox:three', 'A', 60_000))!;
    await a.release('mailbox:three', 'A', first.fence);
    expect(await b.lease('mailbox:three')).toMatchObject({ holder: 'A', released: true });
    expect((await b.acquire('mailbox:three', 'B', 60_000))?.fence).toBe(first.fence + 1);
  });

  it('passes a lease straight to another holder with the next fence, so nobody takes it between', async () => {
    const first = (await a.acquire('mailbox:passed', 'A', 60_000))!;
    expect(await a.pass('mailbox:passed', 'A', first.fence + 1, 'B', 60_000)).toBeUndefined();
    const passed = await a.pass('mailbox:passed', 'A', first.fence, 'B', 60_000);
    expect(passed).toMatchObject({ holder: 'B', fence: first.fence + 1 });
    expect(await a.acquire('mailbox:passed', 'A', 60_000)).toBeUndefined();
    expect(await a.renew('mailbox:passed', 'A', first.fence, 60_000)).toBeUndefined();
    // B, woken, takes what is already its own, with the fence it was passed.
    expect((await b.acquire('mailbox:passed', 'B', 60_000))?.fence).toBe(first.fence + 1);
  });

  it("refuses a write fenced with an ex-holder's token, and writes nothing of it", async () => {
    const first = (await a.acquire('mailbox:four', 'A', 300))!;
    await store.transact(async (tx) => {
      await checkFence(tx, { lease: 'mailbox:four', fence: first.fence });
      await tx.collection('noteTypes').insert(noteType('held'));
    });
    const second = await eventually(() => b.acquire('mailbox:four', 'B', 10_000), 5_000, 'the takeover');
    const refused = store.transact(async (tx) => {
      await checkFence(tx, { lease: 'mailbox:four', fence: first.fence });
      await tx.collection('noteTypes').insert(noteType('stale'));
    });
    await expect(refused).rejects.toBeInstanceOf(LeaseLostError);
    await store.transact(async (tx) => {
      await checkFence(tx, { lease: 'mailbox:four', fence: second.fence });
      await tx.collection('noteTypes').insert(noteType('new-holder'));
    });
    const ids = await store.read(async (tx) =>
      (await tx.collection('noteTypes').all()).map((t) => t.id).sort(),
    );
    expect(ids).toEqual(['held', 'new-holder']);
  });

  it('makes a takeover wait for a commit already past its fence check, so that write is not lost', async () => {
    const first = (await a.acquire('mailbox:five', 'A', 300))!;
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const writing = store.transact(async (tx) => {
      await checkFence(tx, { lease: 'mailbox:five', fence: first.fence });
      await paused;
      await tx.collection('noteTypes').insert(noteType('in-flight'));
    });
    await eventually(
      async () => ((await a.holders('mailbox:five')).length === 0 ? true : undefined),
      5_000,
      'the lease to lapse',
    );
    const takeover = b.acquire('mailbox:five', 'B', 10_000);
    // The takeover is queued behind the writing transaction's lock on the lease row, as the server reports.
    await eventually(
      () => lockWaits().then((n) => (n > 0 ? n : undefined)),
      5_000,
      'the takeover to wait for the lock',
    );
    release();
    await writing;
    expect((await takeover)?.fence).toBe(first.fence + 1);
  });

  it("lets the holder's own renewal pass a write in progress at once, where a takeover fails it", async () => {
    const held = (await a.acquire('mailbox:renewed', 'A', 10_000))!;
    /** A write whose snapshot is taken before `meanwhile` commits, and whose fence is checked after; its tries. */
    const writeAround = async (meanwhile: () => Promise<unknown>, id: string) => {
      let tries = 0;
      const outcome = await store
        .transact(async (tx) => {
          tries += 1;
          await tx.collection('noteTypes').get('snapshot');
          if (tries === 1) await meanwhile();
          await checkFence(tx, { lease: 'mailbox:renewed', fence: held.fence });
          await tx.collection('noteTypes').insert(noteType(id));
        })
        .then(
          () => 'written',
          (error: unknown) => (error instanceof LeaseLostError ? 'refused' : error),
        );
      return { outcome, tries };
    };
    // A renewal only moves the expiry: the write goes through on its first try, not after a serialisation retry.
    expect(await writeAround(() => a.renew('mailbox:renewed', 'A', held.fence, 10_000), 'renewed')).toEqual({
      outcome: 'written',
      tries: 1,
    });
    await a.release('mailbox:renewed', 'A', held.fence);
    expect(await writeAround(() => b.acquire('mailbox:renewed', 'B', 10_000), 'taken')).toEqual({
      outcome: 'refused',
      tries: 2,
    });
    const ids = await store.read(async (tx) => (await tx.collection('noteTypes').all()).map((t) => t.id));
    expect(ids).toContain('renewed');
    expect(ids).not.toContain('taken');
  });
});

describe('PostgreSQL leases of a process that is gone', () => {
  it("goes to another at once when its holder's session ends (a SIGKILL), not after the lease's time", async () => {
    const gone = await PostgresCoordination.open(database.url, 'C');
    const held = (await gone.acquire('mailbox:six', 'C', 60_000))!;
    expect(await b.acquire('mailbox:six', 'B', 60_000)).toBeUndefined();
    expect((await b.holders('instance:')).length + (await b.holders('mailbox:six')).length).toBe(1);
    await gone.close();
    const taken = await eventually(() => b.acquire('mailbox:six', 'B', 60_000), 5_000, 'the takeover');
    expect(taken.fence).toBe(held.fence + 1);
    expect((await a.lapsed('mailbox:six')).map((l) => l.holder)).toEqual([]);
  });
});

describe('PostgreSQL wakes and shared subscriptions', () => {
  it('carries a wake to every instance listening', async () => {
    const heard: Wake[] = [];
    const stop = b.onWake((wake) => heard.push(wake));
    await a.wake({ accountId: 'acc-1', to: 'B' });
    await eventually(() => (heard.length > 0 ? heard : undefined), 5_000, 'the wake');
    stop();
    expect(heard).toEqual([{ accountId: 'acc-1', to: 'B' }]);
  });

  it("wakes a subscription's owner with a lifecycle report another instance received, apart from sync wakes", async () => {
    const [owner, other] = [testMailCluster(a, 'A'), testMailCluster(b, 'B')];
    expect(await owner.ownsSubscription('acc-3')).toBe(true);
    const heard = { subscription: [] as string[], sync: [] as string[], other: [] as string[] };
    const stops = [
      owner.onWake(
        (id) => heard.sync.push(id),
        (id) => heard.subscription.push(id),
      ),
      other.onWake(
        () => undefined,
        (id) => heard.other.push(id),
      ),
    ];
    try {
      await other.reportLifecycle('acc-3', 's3', 'subscriptionRemoved');
      await eventually(
        () => (heard.subscription.length > 0 ? true : undefined),
        5_000,
        'the owner to hear it',
      );
      // The owner hearing one itself wakes nobody: a sync wake sent after it arrives with nothing before it.
      await owner.reportLifecycle('acc-3', 's3', 'reauthorizationRequired');
      await owner.forward('marker', 'A');
      await eventually(() => (heard.sync.length > 0 ? true : undefined), 5_000, 'the marker wake');
      expect(heard).toEqual({ subscription: ['acc-3'], sync: ['marker'], other: [] });
    } finally {
      for (const stop of stops) stop();
    }
  });

  it('publishes a subscription once per account, by the holder of its lease alone', async () => {
    const base = {
      accountId: 'acc-2',
      clientStateSealed: 'sealed',
      expiresAt: '2030-01-01T00:00:00.000Z',
      notificationUrl: 'https://lb.example/api/graph/notifications',
    };
    const published = async () => (await a.subscriptions()).filter((s) => s.accountId === 'acc-2');
    const lease = 'subscription:acc-2';
    // Nobody holds the lease yet: nothing is written.
    expect(await a.publishSubscription({ ...base, subscriptionId: 's0', owner: 'A' }, lease)).toBe(false);
    expect(await published()).toEqual([]);
    const first = await a.acquire(lease, 'A', 10_000);
    expect(await a.publishSubscription({ ...base, subscriptionId: 's1', owner: 'A' }, lease)).toBe(true);
    // B takes the subscription over (A's lease released: A stopped); A's late write is refused, B's replaces it.
    await a.release(lease, 'A', first!.fence);
    await b.acquire(lease, 'B', 10_000);
    expect(await a.publishSubscription({ ...base, subscriptionId: 's1', owner: 'A' }, lease)).toBe(false);
    expect(await published()).toEqual([{ ...base, subscriptionId: 's1', owner: 'A' }]);
    expect(await b.publishSubscription({ ...base, subscriptionId: 's2', owner: 'B' }, lease)).toBe(true);
    expect(await a.publishSubscription({ ...base, subscriptionId: 's1', owner: 'A' }, lease)).toBe(false);
    expect(await published()).toEqual([{ ...base, subscriptionId: 's2', owner: 'B' }]);
  });
});
