import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Wake } from '../../../api/src/ports/coordination.js';
import type { CommitChange } from '../../../api/src/ports/store.js';
import { PostgresCoordination } from '../../../api/src/store/postgres/postgres-coordination.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import { aRequest } from '../../unit/store/store-contract.js';

// The server ends a session under the store (a restart, a failover, an admin's pg_terminate_backend): the store
// must neither crash the process nor go deaf. Ending single sessions on the shared server shows it in a second;
// test/integration/cluster/postgres-restart.test.ts restarts a whole server.

let database: TestDatabase;
let admin: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase('session_ended');
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Ends this database's sessions matching `where` (a pg_stat_activity condition); returns how many. */
async function endSessions(where: string): Promise<number> {
  const { rows } = await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${where}`,
  );
  await until(
    'the ended sessions to be gone',
    async () =>
      Number(
        (
          await admin.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${where}`,
          )
        ).rows[0].n,
      ) === 0,
  );
  return rows.length;
}

const listening = async (channel: string): Promise<number> =>
  Number(
    (
      await admin.query(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query = $1',
        [`LISTEN ${channel}`],
      )
    ).rows[0].n,
  );

it('a transaction whose session is ended between two statements fails as unavailable; the process and the store carry on', async () => {
  const store = await openEmptyPostgresStore(database.url);
  try {
    const attempt = store.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(1));
      // Idle in its transaction, lent out by the pool: the server's goodbye arrives with no statement running.
      expect(await endSessions("state = 'idle in transaction'")).toBe(1);
      await tx.collection('requests').insert(aRequest(2));
    });
    await expect(attempt).rejects.toMatchObject({ code: 'service_unavailable' });
    await store.transact((tx) => tx.collection('requests').insert(aRequest(3)));
    expect(await store.read((tx) => tx.collection('requests').count())).toBe(1);
  } finally {
    await store.close();
  }
});

it("listens again after its listening session is ended: another store's commits and wakes are heard", async () => {
  const [writer, reader] = [
    await openEmptyPostgresStore(database.url),
    await openEmptyPostgresStore(database.url),
  ];
  const [waker, woken] = [
    await PostgresCoordination.open(database.url, 'waker'),
    await PostgresCoordination.open(database.url, 'woken'),
  ];
  const heard: CommitChange[] = [];
  const wakes: Wake[] = [];
  reader.onCommit((change) => heard.push(change));
  woken.onWake((wake) => wakes.push(wake));
  try {
    expect(await endSessions("query LIKE 'LISTEN %'")).toBe(4);
    await until(
      'both stores and both coordinations to listen again',
      async () => (await listening('sm_store_changes')) === 2 && (await listening('sm_mail_wake')) === 2,
    );
    await writer.transact((tx) => tx.collection('requests').insert(aRequest(7)));
    await waker.wake({ accountId: 'account-1', to: 'holder-1' });
    await until('the commit and the wake to be heard', async () => heard.length > 0 && wakes.length > 0);
    expect(heard[0]?.collections.requests).toEqual([7]);
    expect(wakes[0]).toEqual({ accountId: 'account-1', to: 'holder-1' });
  } finally {
    await Promise.all([writer.close(), reader.close(), waker.close(), woken.close()]);
  }
});
