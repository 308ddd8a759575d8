import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Note } from '../../api/src/domain/note.js';
import type { ServiceRequest } from '../../api/src/domain/service-request.js';
import { openLowdbStore } from '../../api/src/store/lowdb-store.js';
import { MIGRATIONS, migrate } from '../../api/src/store/migrations.js';
import type { Store } from '../../api/src/store/ports/store.js';
import { PostgresStore } from '../../api/src/store/postgres/postgres-store.js';
import { newStoreData } from '../../api/src/store/store-data.js';
import { percentile } from './percentiles.js';

// `npm run bench -- --only=store`: note write, SR list (filter + search + sort, first page and a deep cursor) and one
// SR's detail with its notes, at BENCH_STORE_SRS SRs with BENCH_STORE_NOTES_PER_SR notes each, on BENCH_STORE
// (lowdb | postgres). PostgreSQL is DATABASE_URL or 127.0.0.1:5432; the bench makes and drops its own database.

const sr = (id: number): ServiceRequest => ({
  id,
  title: `${id % 7 === 0 ? 'Printer' : 'Laptop'} problem ${id}`,
  description: 'Something is broken.',
  requester: { name: 'Ada Customer', email: `user${id % 500}@example.com` },
  participants: [],
  status: ['New', 'Open', 'Closed'][id % 3] as string,
  priority: 'Medium',
  createdAt: new Date(Date.UTC(2025, 0, 1) + id * 60_000).toISOString(),
  updatedAt: new Date(Date.UTC(2025, 0, 1) + id * 60_000).toISOString(),
  hasNewEmailReply: false,
});
const note = (id: string, requestId: number): Note => ({
  id, requestId, typeCode: 'PUBLIC', accessLevel: 'User', source: 'agent', bodyHtml: '<p>Tried a restart.</p>', bodyText: 'Tried a restart.',
  author: { id: 'u1', name: 'Sam Agent' }, createdAt: '2025-02-01T00:00:00.000Z',
});

async function timed(rounds: number, work: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work(i);
    ms.push(performance.now() - start);
  }
  return { p50: Math.round(percentile(ms, 50) * 10) / 10, p95: Math.round(percentile(ms, 95) * 10) / 10 };
}

async function openSeeded(adapter: string, srs: number, notesPerSr: number): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (adapter === 'lowdb') {
    const dir = await mkdtemp(join(tmpdir(), 'sm-bench-store-'));
    const data = newStoreData();
    migrate(data, MIGRATIONS);
    data.collections['requests'] = Array.from({ length: srs }, (_, i) => sr(i + 1));
    data.collections['notes'] = Array.from({ length: srs * notesPerSr }, (_, i) => note(`n${i}`, (i % srs) + 1));
    data.sequences['requests'] = srs;
    await writeFile(join(dir, 'db.json'), JSON.stringify(data));
    return { store: await openLowdbStore({ file: join(dir, 'db.json') }), cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sm_bench_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const store = await PostgresStore.open({ connectionString: url.toString(), poolSize: 4 });
  // Batched: 1,000 records a transaction.
  for (let from = 1; from <= srs; from += 1000) {
    await store.transact(async (tx) => {
      for (let id = from; id < Math.min(from + 1000, srs + 1); id++) await tx.collection('requests').insert(sr(id));
    });
  }
  for (let from = 0; from < srs * notesPerSr; from += 1000) {
    await store.transact(async (tx) => {
      for (let i = from; i < Math.min(from + 1000, srs * notesPerSr); i++) await tx.collection('notes').insert(note(`n${i}`, (i % srs) + 1));
    });
  }
  await store.advanceSequence('requests', srs);
  return { store, cleanup: async () => { await store.close(); await admin(`DROP DATABASE ${name} WITH (FORCE)`); } };
}

export async function storeBench(adapter: string, srs: number, notesPerSr: number): Promise<Record<string, unknown>> {
  const seedStart = performance.now();
  const { store, cleanup } = await openSeeded(adapter, srs, notesPerSr);
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  try {
    const noteWrite = await timed(adapter === 'lowdb' ? 20 : 200, (i) =>
      store.transact(async (tx) => {
        const request = await tx.collection('requests').get((i % srs) + 1);
        if (!request) throw new Error('missing SR');
        await tx.collection('notes').insert(note(`bench-${i}`, request.id));
        await tx.collection('requests').put({ ...request, updatedAt: new Date().toISOString() });
      }),
    );
    const query = { search: 'printer', statuses: ['open', 'new'], sort: 'updatedAt' as const, order: 'desc' as const, limit: 25 };
    const listFirst = await timed(50, () => store.read((tx) => tx.collection('requests').list(query)));
    let after = (await store.read((tx) => tx.collection('requests').list({ ...query, limit: Math.min(1000, Math.floor(srs / 20)) }))).next;
    const listDeep = await timed(50, () => store.read((tx) => tx.collection('requests').list({ ...query, ...(after ? { after } : {}) })));
    after = undefined;
    const detail = await timed(100, (i) => store.read(async (tx) => [await tx.collection('requests').get((i * 97) % srs + 1), await tx.collection('notes').ofRequest((i * 97) % srs + 1)]));
    return { figure: 'store', adapter, srs, notes: srs * notesPerSr, seedSeconds, noteWriteMs: noteWrite, listFirstPageMs: listFirst, listDeepCursorMs: listDeep, detailWithNotesMs: detail };
  } finally {
    await cleanup();
  }
}
