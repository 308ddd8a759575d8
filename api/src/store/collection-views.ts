import { AppError } from '../domain/app-error.js';
import { toJsonRecord } from './json-record.js';
import { memoryQueries } from './memory-queries.js';
import type { CollectionName, RecordId, RecordReads, RecordWrites, StoredRecord } from '../ports/store.js';
import { isRecordId, type Table } from './store-state.js';
import type { WorkingSet } from './working-set.js';

/** Throws when the read or transaction a view belongs to has already ended. */
export type ScopeGuard = () => void;

// Stored records are frozen and shared, so everything handed out is a fresh copy; the queries test the stored
// record itself (copying every record to test it would cost a deep clone of the collection).
const copyOut = <T>(record: T): T => structuredClone(record);

type ReadView = RecordReads<StoredRecord> & object;

export function readCollection(name: CollectionName, table: () => Table, guard: ScopeGuard): ReadView {
  const records = function* (): Iterable<StoredRecord> {
    guard();
    yield* table().values();
  };
  return {
    async get(id) {
      guard();
      const record = table().get(id);
      return record && copyOut(record);
    },
    async getMany(ids) {
      guard();
      return ids.flatMap((id) => {
        const record = table().get(id);
        return record ? [copyOut(record)] : [];
      });
    },
    async count() {
      guard();
      return table().size;
    },
    async page(after, limit) {
      guard();
      const ids = [...table().keys()];
      const start = after === undefined ? 0 : ids.indexOf(after) + 1;
      return ids.slice(start, start + limit).map((id) => copyOut(table().get(id) as StoredRecord));
    },
    ...memoryQueries(name, records, copyOut, (id) => {
      guard();
      return table().get(id);
    }),
  };
}

export function writeCollection(
  name: CollectionName,
  working: WorkingSet,
  guard: ScopeGuard,
): ReadView & RecordWrites<StoredRecord> {
  const store = (record: StoredRecord, mode: 'insert' | 'put'): StoredRecord => {
    guard();
    const stored = toJsonRecord(record);
    if (!isRecordId(stored.id))
      throw new TypeError(`A ${name} record needs a string or finite number id; got ${String(stored.id)}.`);
    if (mode === 'insert' && working.table(name).has(stored.id)) {
      throw new AppError('conflict', `${name} ${JSON.stringify(stored.id)} already exists.`);
    }
    working.writableTable(name, stored.id, stored).set(stored.id, stored);
    return copyOut(stored);
  };
  const reads = readCollection(name, () => working.table(name), guard);
  return {
    ...reads,
    // One transaction at a time: nothing else can write the record before this one ends.
    getForUpdate: (id) => reads.get(id),
    async insert(record) {
      return store(record, 'insert');
    },
    async put(record) {
      return store(record, 'put');
    },
    async putMany(records) {
      for (const record of records) store(record, 'put');
    },
    async delete(id: RecordId) {
      guard();
      const existing = working.table(name).get(id);
      return existing !== undefined && working.writableTable(name, id, existing).delete(id);
    },
  };
}
