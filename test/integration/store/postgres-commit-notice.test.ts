import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommitChange } from '../../../api/src/ports/store.js';
import type { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import { aRequest } from '../../unit/store/store-contract.js';
import { aNote } from '../../unit/store/store-records.js';

// Two stores on one database stand for two API instances: a commit made through one reaches the other's onCommit
// listeners (the live screens' stream among them) with the SRs it wrote, and a commit too big for one NOTIFY still
// reaches them, naming its collections only.

let database: TestDatabase;
let writer: PostgresStore;
let reader: PostgresStore;
beforeAll(async () => {
  database = await createTestDatabase('commit_notice');
  writer = await openEmptyPostgresStore(database.url);
  reader = await openEmptyPostgresStore(database.url);
});
afterAll(async () => {
  await Promise.all([writer?.close(), reader?.close()]);
  await database?.drop();
});

/** The changes `reader` hears while `act` runs and until `count` have arrived (bounded). */
async function heardAfter(count: number, act: () => Promise<unknown>): Promise<CommitChange[]> {
  const heard: CommitChange[] = [];
  const stop = reader.onCommit((change) => heard.push(change));
  try {
    await act();
    const deadline = Date.now() + 10_000;
    while (heard.length < count) {
      if (Date.now() > deadline) throw new Error(`Heard ${heard.length} of ${count} changes in 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return heard;
  } finally {
    stop();
  }
}

it("hears another instance's commit with the collections, ids and SRs it wrote", async () => {
  const heard = await heardAfter(1, () =>
    writer.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(41));
      await tx.collection('notes').insert(aNote('note-41', 41));
    }),
  );
  expect(heard).toEqual([
    { collections: { requests: [41], notes: ['note-41'] }, requestIds: [41], byOtherInstance: true },
  ]);
});

it('hears a commit too big for one notice by its collections, with no SR list (any SR may have changed)', async () => {
  const ids = Array.from({ length: 2000 }, (_, i) => 1000 + i);
  const own: CommitChange[] = [];
  const stop = writer.onCommit((change) => own.push(change));
  const heard = await heardAfter(1, () =>
    writer.transact(async (tx) => {
      for (const id of ids) await tx.collection('requests').insert(aRequest(id));
    }),
  ).finally(stop);
  expect(heard).toEqual([{ collections: { requests: [] }, byOtherInstance: true }]);
  // The writer's own listeners hear the whole change: only the notice is bounded.
  expect(own).toEqual([{ collections: { requests: ids }, requestIds: ids }]);
});
