import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../../api/src/domain/principal.js';
import { openLowdbStore } from '../../api/src/store/lowdb-store.js';
import type { Store } from '../../api/src/ports/store.js';
import { PostgresStore } from '../../api/src/store/postgres/postgres-store.js';
import { addNote } from '../../api/src/services/notes/add-note.js';
import type { ServiceDeps } from '../../api/src/services/deps.js';
import { listNotes } from '../../api/src/services/notes/list-notes.js';
import { createBenchDatabase } from './bench-database.js';
import { percentile } from './percentiles.js';
import { benchNoteTypes, seedLowdb, seedPostgres } from './store-seed.js';

// `npm run bench -- --only=store`: through the Store port, at BENCH_STORE_SRS SRs with BENCH_STORE_NOTES_PER_SR
// notes each, on BENCH_STORE (lowdb | postgres): the add-note transaction (the service an agent's "Add note" runs),
// the SR list (filter + search + sort: first page, and a keyset cursor half-way down the matches) and one SR's
// detail with its notes (the notes route's service). On PostgreSQL the note write is timed twice, on a nearly empty
// database and at full size, because its cost must not grow with the data. PostgreSQL is DATABASE_URL or
// 127.0.0.1:5432; the bench makes and drops its own database.

type Timing = { p50: number; p95: number };

async function timed(rounds: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work(i);
    ms.push(performance.now() - start);
  }
  return { p50: Math.round(percentile(ms, 50) * 10) / 10, p95: Math.round(percentile(ms, 95) * 10) / 10 };
}

// addNote and listNotes use the store, the clock and ids only.
const depsOf = (store: Store) =>
  ({ store, clock: () => new Date(), newId: randomUUID }) as unknown as ServiceDeps;
const agent: Principal = {
  id: 'u1',
  tenantId: 't1',
  name: 'Sam Agent',
  email: 'sam@example.com',
  roles: ['ServiceDesk.Agent'],
};

/** Note writes spread over SRs 1..srs, as agents answer different SRs. */
const noteWrites = (store: Store, srs: number, rounds: number) =>
  timed(rounds, (i) =>
    addNote(depsOf(store), agent, ((i * 7919) % srs) + 1, {
      typeCode: 'PUBLIC',
      body: `Checked the cable (${i}).`,
    }),
  );

async function reads(store: Store, srs: number) {
  const query = {
    search: 'printer',
    statuses: ['open', 'new'],
    sort: 'updatedAt' as const,
    order: 'desc' as const,
    limit: 25,
  };
  const listFirst = await timed(50, () => store.read((tx) => tx.collection('requests').list(query)));
  const { total } = await store.read((tx) =>
    tx.collection('requests').list({ ...query, limit: 1, countUpTo: Number.MAX_SAFE_INTEGER }),
  );
  const half = await store.read((tx) =>
    tx.collection('requests').list({ ...query, limit: Math.max(1, Math.floor(total / 2)) }),
  );
  const after = half.next;
  const listDeep = await timed(50, () =>
    store.read((tx) => tx.collection('requests').list({ ...query, ...(after ? { after } : {}) })),
  );
  // Two more views agents use: their open SRs with a new reply, and every open SR by requester (a sort read from the record).
  const mine = {
    assignee: 'agent3@example.com',
    hasNewEmailReply: true,
    excludeStatuses: ['closed'],
    sort: 'updatedAt' as const,
    order: 'desc' as const,
    limit: 25,
  };
  const listMine = await timed(50, () => store.read((tx) => tx.collection('requests').list(mine)));
  const byRequester = {
    excludeStatuses: ['closed'],
    sort: 'requester' as const,
    order: 'asc' as const,
    limit: 25,
  };
  const listByRequester = await timed(50, () =>
    store.read((tx) => tx.collection('requests').list(byRequester)),
  );
  const detail = await timed(100, (i) => listNotes(depsOf(store), ((i * 97) % srs) + 1));
  return {
    listFirstPageMs: listFirst,
    listDeepCursorMs: listDeep,
    deepCursorAt: half.items.length,
    matches: total,
    listMineWithNewReplyMs: listMine,
    listOpenByRequesterMs: listByRequester,
    detailWithNotesMs: detail,
  };
}

const load = () => loadavg().map((l) => Math.round(l * 10) / 10);

async function lowdbBench(srs: number, notesPerSr: number) {
  const dir = await mkdtemp(join(tmpdir(), 'sm-bench-store-'));
  try {
    const seedStart = performance.now();
    await seedLowdb(join(dir, 'db.json'), srs, notesPerSr);
    const store = await openLowdbStore({ file: join(dir, 'db.json') });
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    const fileMb = Math.round(((await stat(join(dir, 'db.json'))).size / 1024 / 1024) * 10) / 10;
    try {
      const loadBefore = load();
      return {
        seedSeconds,
        fileMb,
        noteWriteMs: await noteWrites(store, srs, 20),
        ...(await reads(store, srs)),
        loadBefore,
        loadAfter: load(),
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** SRs seeded before the empty-database write figure: enough to spread the writes, too few to matter. */
const EMPTY_SRS = 200;

async function postgresBench(srs: number, notesPerSr: number) {
  const database = await createBenchDatabase('store');
  const url = new URL(database.url);
  const store = await PostgresStore.open({ connectionString: url.toString(), poolSize: 4 });
  try {
    await store.transact(async (tx) => {
      for (const type of benchNoteTypes()) await tx.collection('noteTypes').insert(type);
    });
    await seedPostgres(url.toString(), 1, Math.min(EMPTY_SRS, srs), 0);
    const loadBefore = load();
    const emptyWrite = await noteWrites(store, Math.min(EMPTY_SRS, srs), 200);
    const seedStart = performance.now();
    await seedPostgres(url.toString(), EMPTY_SRS + 1, srs, notesPerSr);
    await store.advanceSequence('requests', srs);
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    const noteWrite = await noteWrites(store, srs, 200);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      seedSeconds,
      noteWriteEmptyMs: emptyWrite,
      noteWriteMs: noteWrite,
      writeGrowth: { p50: ratio(noteWrite.p50, emptyWrite.p50), p95: ratio(noteWrite.p95, emptyWrite.p95) },
      ...(await reads(store, srs)),
      loadBefore,
      loadAfter: load(),
    };
  } finally {
    await store.close();
    await database.drop();
  }
}

export async function storeBench(
  adapter: string,
  srs: number,
  notesPerSr: number,
): Promise<Record<string, unknown>> {
  const figures =
    adapter === 'lowdb' ? await lowdbBench(srs, notesPerSr) : await postgresBench(srs, notesPerSr);
  return { figure: 'store', adapter, srs, notes: srs * notesPerSr, ...figures };
}
