import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { Note } from '../../api/src/domain/note.js';
import { DEFAULT_NOTE_TYPES } from '../../api/src/domain/note-type.js';
import type { ServiceRequest } from '../../api/src/domain/service-request.js';
import { toJsonRecord } from '../../api/src/store/json-record.js';
import { MIGRATIONS, migrate } from '../../api/src/store/migrations.js';
import type { CollectionName, StoredRecord } from '../../api/src/ports/store.js';
import { TABLES, keyOf } from '../../api/src/store/postgres/tables.js';
import { newStoreData } from '../../api/src/store/store-data.js';

// Seeding the store bench's desk fast enough to reach 100k SRs / 1M notes: rows go straight into the PostgreSQL
// adapter's tables, many thousand per statement (INSERT ... SELECT FROM unnest of one array per column), computed
// by the adapter's own column functions (tables.ts), so each row is what `insert` would have written. Writing a
// million rows one `insert` at a time, as the port does, takes most of an hour on a loaded machine.

const STATUSES = ['New', 'Open', 'Closed'];
const WORDS = ['Laptop', 'Monitor', 'VPN', 'Mailbox', 'Phone', 'Badge'];

/** SR `id` of the bench desk: one in seven is about a printer (what the list bench searches for). */
export const benchRequest = (id: number): ServiceRequest => ({
  id,
  title: `${id % 7 === 0 ? 'Printer' : WORDS[id % WORDS.length]} problem ${id}`,
  description: `Something is broken on floor ${id % 12}.`,
  requester: { name: `Customer ${id % 500}`, email: `user${id % 500}@example.com` },
  participants: id % 5 === 0 ? [`colleague${id % 97}@example.com`] : [],
  ...(id % 4 === 0 ? {} : { assignee: { name: `Agent ${id % 20}`, email: `agent${id % 20}@example.com` } }),
  status: STATUSES[id % 3] as string,
  priority: 'Medium',
  createdAt: new Date(Date.UTC(2025, 0, 1) + id * 60_000).toISOString(),
  updatedAt: new Date(Date.UTC(2025, 0, 1) + id * 60_000 + (id % 13) * 3_600_000).toISOString(),
  hasNewEmailReply: id % 11 === 0,
});

export const benchNote = (id: string, requestId: number): Note => ({
  id,
  requestId,
  typeCode: 'PUBLIC',
  accessLevel: 'User',
  source: 'agent',
  bodyHtml: '<p>Tried a restart, no change.</p>',
  bodyText: 'Tried a restart, no change.',
  author: { id: 'u1', name: 'Sam Agent' },
  createdAt: new Date(Date.UTC(2025, 1, 1) + requestId * 60_000).toISOString(),
});

/** The note types the add-note transaction reads. */
export const benchNoteTypes = () => DEFAULT_NOTE_TYPES.map((type) => ({ id: type.code, ...type }));

const BATCH = 5_000;

/** Writes records of one collection as the PostgreSQL adapter would, BATCH rows a statement. */
export async function bulkInsert(
  client: pg.ClientBase,
  name: CollectionName,
  records: Iterable<StoredRecord>,
): Promise<void> {
  const spec = TABLES[name];
  const columns = Object.keys(spec.columns);
  const { rows } = await client.query<{ column_name: string; udt_name: string }>(
    'SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1',
    [spec.table],
  );
  const typeOf = new Map(rows.map((r) => [r.column_name, r.udt_name]));
  const key = keyOf(spec, spec.idType === 'bigint' ? 1 : 'x').column;
  const names = [key, 'doc', ...columns];
  const sql = `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT * FROM unnest(${names.map((n, i) => `$${i + 1}::${typeOf.get(n)}[]`).join(', ')})`;
  let batch: unknown[][] = names.map(() => []);
  const flush = async () => {
    if ((batch[0]?.length ?? 0) > 0) await client.query(sql, batch);
    batch = names.map(() => []);
  };
  for (const record of records) {
    const stored = toJsonRecord(record);
    const values = [
      keyOf(spec, stored.id).value,
      JSON.stringify(stored),
      ...columns.map((c) => spec.columns[c]?.(stored as never)),
    ];
    values.forEach((value, i) => batch[i]?.push(value));
    if ((batch[0]?.length ?? 0) >= BATCH) await flush();
  }
  await flush();
}

function* range<T>(from: number, to: number, make: (i: number) => T): Generator<T> {
  for (let i = from; i < to; i++) yield make(i);
}

/**
 * SRs `fromSr`..`toSr` (inclusive) and `notesPerSr` notes for each SR from 1 to `toSr` that has none yet (those
 * below `fromSr` were seeded earlier without notes), into the database at `url`; then VACUUM ANALYZE.
 */
export async function seedPostgres(
  url: string,
  fromSr: number,
  toSr: number,
  notesPerSr: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A seed that is lost on a crash is simply re-run: no need to wait for each batch to reach the disk.
    await client.query('SET synchronous_commit = off');
    await bulkInsert(client, 'requests', range(fromSr, toSr + 1, benchRequest));
    await bulkInsert(
      client,
      'notes',
      range(0, toSr * notesPerSr, (i) => benchNote(`n${i}`, (i % toSr) + 1)),
    );
    // What autovacuum would have done to a desk that grew over a year: statistics and the visibility map.
    await client.query('VACUUM ANALYZE');
    // And what a year's checkpoints would have: without it the seed's gigabyte of dirty pages is still being
    // flushed while the writes are timed (p95 62 ms instead of 6 ms at 1M notes on this machine). Needs a
    // superuser or pg_checkpoint; without either the figures carry that noise.
    await client.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await client.end();
  }
}

/** A lowdb desk of `srs` SRs with `notesPerSr` notes each, written as db.json directly. */
export async function seedLowdb(file: string, srs: number, notesPerSr: number): Promise<void> {
  const data = newStoreData();
  migrate(data, MIGRATIONS);
  data.collections['noteTypes'] = benchNoteTypes();
  data.collections['requests'] = Array.from({ length: srs }, (_, i) => benchRequest(i + 1));
  data.collections['notes'] = Array.from({ length: srs * notesPerSr }, (_, i) =>
    benchNote(`n${i}`, (i % srs) + 1),
  );
  data.sequences['requests'] = srs;
  await writeFile(file, JSON.stringify(data));
}
