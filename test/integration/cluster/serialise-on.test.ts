import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { aMailCenterItem } from '../../unit/store/store-records.js';

// Store.transact's `serialiseOn` on PostgreSQL: two instances' transactions with one key never overlap, and the
// second sees what the first committed; a holder that never lets go (a frozen process) delays the others by a bound.

describe('transactions serialised on a key across instances', () => {
  let database: TestDatabase;
  let first: PostgresStore;
  let second: PostgresStore;
  let raw: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase('cluster_serialise');
    first = await PostgresStore.open({ connectionString: database.url, poolSize: 2 });
    second = await PostgresStore.open({ connectionString: database.url, poolSize: 2, serialiseWaitMs: 300 });
    raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.end();
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  /** Polls pg_locks until `count` sessions wait for an advisory lock; fails after 5 s. */
  async function waiters(count: number): Promise<void> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { rows } = await raw.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
      );
      if (rows[0]?.n === count) return;
      if (Date.now() > deadline)
        throw new Error(`expected ${count} sessions waiting for an advisory lock, found ${rows[0]?.n}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("runs the second only after the first committed, and it sees the first one's write", async () => {
    const events: string[] = [];
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const isHeld = new Promise<void>((resolve) => (started = resolve));
    const a = first.transact(
      async (tx) => {
        events.push('first starts');
        started();
        await tx.collection('mailCenter').insert(aMailCenterItem('written-first'));
        await gate;
        events.push('first ends');
      },
      { serialiseOn: 'mailbox-1' },
    );
    await isHeld;
    const b = second.transact(
      async (tx) => {
        events.push('second starts');
        return tx.collection('mailCenter').get('written-first');
      },
      { serialiseOn: 'mailbox-1' },
    );
    await waiters(1);
    // Another key is not held up by the first.
    await second.transact(async () => events.push('other key'), { serialiseOn: 'mailbox-2' });
    expect(events).toEqual(['first starts', 'other key']);
    release();
    await a;
    expect(await b).toMatchObject({ id: 'written-first' });
    expect(events).toEqual(['first starts', 'other key', 'first ends', 'second starts']);
  });

  it('goes ahead without the key when its holder never lets go', async () => {
    await raw.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', ['sm:frozen-holder']);
    try {
      const result = await second.transact(async (tx) => (await tx.collection('mailCenter').count()) >= 0, {
        serialiseOn: 'frozen-holder',
      });
      expect(result).toBe(true);
      const { rows } = await raw.query<{ held: boolean }>(
        "SELECT count(*) = 1 AS held FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()",
      );
      expect(rows[0]?.held).toBe(true);
    } finally {
      await raw.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', ['sm:frozen-holder']);
    }
  });
});
