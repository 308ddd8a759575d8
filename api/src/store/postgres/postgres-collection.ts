import { AppError } from '../../domain/app-error.js';
import { toJsonRecord } from '../json-record.js';
import type { CollectionName, RecordId, RecordReads, RecordWrites, StoredRecord } from '../../ports/store.js';
import { isRecordId } from '../store-state.js';
import { postgresQueries, type Docs, type Rows } from './postgres-queries.js';
import { TABLES, isIdOfTable, keyOf } from './tables.js';

/** Rows per statement of putMany: well under PostgreSQL's 65,535 parameters, whatever a table's columns. */
const PUT_MANY_ROWS = 500;

/** Runs one statement in the current transaction, after checking the transaction is still open. */
export type Run = (
  sql: string,
  params?: unknown[],
) => Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;

export type PgView = RecordReads<StoredRecord> & Partial<RecordWrites<StoredRecord>> & object;

/** One collection seen through a transaction: get/count/page, the named queries and, when writable, the writes. */
export function postgresCollection(
  name: CollectionName,
  run: Run,
  writable: boolean,
  /** Hears each write: the id and the record written (for a delete, the deleted record's requestId). */
  changed: (id: RecordId, record: unknown) => void,
): PgView {
  const spec = TABLES[name];
  const rows: Rows = async (sql, params) => (await run(sql, params)).rows;
  const docs: Docs = async (sql, params) => (await rows(sql, params)).map((r) => r['doc']);
  const columns = Object.keys(spec.columns);
  const keyColumn = spec.hashedId ? 'id_hash' : 'id';

  /** A record as the row that stores it: its key, its JSON and its query columns, checked and in column order. */
  const rowOf = (record: StoredRecord): { stored: StoredRecord; values: unknown[] } => {
    const stored = toJsonRecord(record);
    if (!isRecordId(stored.id) || !isIdOfTable(spec, stored.id)) {
      throw new TypeError(
        `A ${name} record needs a ${spec.idType === 'bigint' ? 'whole-number' : 'string'} id; got ${JSON.stringify(stored.id)}.`,
      );
    }
    const values = [
      keyOf(spec, stored.id).value,
      JSON.stringify(stored),
      ...columns.map((c) => spec.columns[c]?.(stored as never)),
    ];
    return { stored, values };
  };
  const names = [keyColumn, 'doc', ...columns];
  /** INSERT of `count` rows, each row's placeholders numbered on from the last. */
  const insertSql = (count: number) => {
    const row = (r: number) =>
      `(${names.map((column, i) => `$${r * names.length + i + 1}${column === 'doc' ? '::jsonb' : ''}`).join(', ')})`;
    const rows = Array.from({ length: count }, (_, r) => row(r));
    return `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES ${rows.join(', ')}`;
  };
  const upsert = `ON CONFLICT (${keyColumn}) DO UPDATE SET ${names
    .slice(1)
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', ')}`;

  const write = async (record: StoredRecord, mode: 'insert' | 'put'): Promise<StoredRecord> => {
    const { stored, values } = rowOf(record);
    if (mode === 'insert') {
      const result = await run(`${insertSql(1)} ON CONFLICT DO NOTHING`, values);
      if (result.rowCount === 0)
        throw new AppError('conflict', `${name} ${JSON.stringify(stored.id)} already exists.`);
    } else {
      await run(`${insertSql(1)} ${upsert}`, values);
    }
    changed(stored.id, stored);
    return structuredClone(stored);
  };

  const putMany = async (records: readonly StoredRecord[]): Promise<void> => {
    // One row per id (a statement may not update a row twice), the later record winning, as a loop of put would.
    const rows = new Map(records.map((record) => [String(record.id), rowOf(record)]));
    const all = [...rows.values()];
    for (let at = 0; at < all.length; at += PUT_MANY_ROWS) {
      const chunk = all.slice(at, at + PUT_MANY_ROWS);
      await run(
        `${insertSql(chunk.length)} ${upsert}`,
        chunk.flatMap((row) => row.values),
      );
    }
    for (const { stored } of all) changed(stored.id, stored);
  };

  const getOne = async (id: RecordId, lock: '' | ' FOR UPDATE') => {
    if (!isIdOfTable(spec, id)) return undefined;
    const key = keyOf(spec, id);
    return (await docs(`SELECT doc FROM ${spec.table} WHERE ${key.column} = $1${lock}`, [key.value]))[0] as
      StoredRecord | undefined;
  };
  const reads: RecordReads<StoredRecord> = {
    get: (id) => getOne(id, ''),
    async getMany(ids) {
      const keys = ids.filter((id) => isIdOfTable(spec, id)).map((id) => keyOf(spec, id).value);
      if (keys.length === 0) return [];
      const found = (await docs(`SELECT doc FROM ${spec.table} WHERE ${keyColumn} = ANY($1)`, [
        keys,
      ])) as StoredRecord[];
      const byId = new Map(found.map((record) => [String(record.id), record]));
      return ids.flatMap((id) => byId.get(String(id)) ?? []);
    },
    async count() {
      return Number((await rows(`SELECT count(*)::int AS n FROM ${spec.table}`))[0]?.['n'] ?? 0);
    },
    async page(after, limit) {
      if (after === undefined)
        return (await docs(`SELECT doc FROM ${spec.table} ORDER BY seq LIMIT $1`, [limit])) as StoredRecord[];
      const key = keyOf(spec, after);
      return (await docs(
        `SELECT doc FROM ${spec.table} WHERE seq > (SELECT seq FROM ${spec.table} WHERE ${key.column} = $1) ORDER BY seq LIMIT $2`,
        [key.value, limit],
      )) as StoredRecord[];
    },
  };
  const view = { ...reads, ...postgresQueries(name, docs, rows) };
  if (!writable) return view;
  return {
    ...view,
    getForUpdate: (id: RecordId) => getOne(id, ' FOR UPDATE'),
    insert: (record: StoredRecord) => write(record, 'insert'),
    putMany,
    put: (record: StoredRecord) => write(record, 'put'),
    async delete(id: RecordId) {
      if (!isIdOfTable(spec, id)) return false;
      const key = keyOf(spec, id);
      // The deleted record's SR, for the commit's change (the live screen of that SR reloads).
      const [deleted] = (
        await run(
          `DELETE FROM ${spec.table} WHERE ${key.column} = $1 RETURNING doc->'requestId' AS request_id`,
          [key.value],
        )
      ).rows;
      if (deleted) changed(id, { requestId: deleted['request_id'] });
      return deleted !== undefined;
    },
  };
}
