import { AppError } from '../../domain/app-error.js';
import { toJsonRecord } from '../json-record.js';
import type { CollectionName, RecordId, RecordReads, RecordWrites, StoredRecord } from '../../ports/store.js';
import { isRecordId } from '../store-state.js';
import { postgresQueries, type Docs, type Rows } from './postgres-queries.js';
import { TABLES, isIdOfTable, keyOf } from './tables.js';

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

  const write = async (record: StoredRecord, mode: 'insert' | 'put'): Promise<StoredRecord> => {
    const stored = toJsonRecord(record);
    if (!isRecordId(stored.id) || !isIdOfTable(spec, stored.id)) {
      throw new TypeError(
        `A ${name} record needs a ${spec.idType === 'bigint' ? 'whole-number' : 'string'} id; got ${JSON.stringify(stored.id)}.`,
      );
    }
    const key = keyOf(spec, stored.id);
    const names = [key.column, 'doc', ...columns];
    const values = [
      key.value,
      JSON.stringify(stored),
      ...columns.map((c) => spec.columns[c]?.(stored as never)),
    ];
    const placeholders = names.map((column, i) => (column === 'doc' ? `$${i + 1}::jsonb` : `$${i + 1}`));
    const insert = `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${placeholders.join(', ')})`;
    if (mode === 'insert') {
      const result = await run(`${insert} ON CONFLICT DO NOTHING`, values);
      if (result.rowCount === 0)
        throw new AppError('conflict', `${name} ${JSON.stringify(stored.id)} already exists.`);
    } else {
      const updates = names.slice(1).map((column) => `${column} = EXCLUDED.${column}`);
      await run(`${insert} ON CONFLICT (${keyColumn}) DO UPDATE SET ${updates.join(', ')}`, values);
    }
    changed(stored.id, stored);
    return structuredClone(stored);
  };

  const reads: RecordReads<StoredRecord> = {
    async get(id) {
      if (!isIdOfTable(spec, id)) return undefined;
      const key = keyOf(spec, id);
      return (await docs(`SELECT doc FROM ${spec.table} WHERE ${key.column} = $1`, [key.value]))[0] as
        StoredRecord | undefined;
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
    insert: (record: StoredRecord) => write(record, 'insert'),
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
