import { AppError } from '../domain/app-error.js';
import { toJsonRecord } from './json-record.js';
import type { Collection, ReadCollection, RecordId, StoredRecord } from './ports/store.js';
import { isRecordId, type Table } from './store-state.js';
import type { WorkingSet } from './working-set.js';

/** Throws when the read or transaction a view belongs to has already ended. */
export type ScopeGuard = () => void;

// Stored records are frozen and shared, so everything handed out is a fresh copy. Predicates see the
// stored record itself (copying every record to test it would make each find cost a deep clone of the
// collection); being frozen, it cannot be changed through them.
const copyOut = <T>(record: T): T => structuredClone(record);

export function readCollection(table: () => Table, guard: ScopeGuard): ReadCollection<StoredRecord> {
  const matching = (predicate?: (record: StoredRecord) => boolean): StoredRecord[] => {
    guard();
    const records = [...table().values()];
    return predicate ? records.filter(predicate) : records;
  };
  return {
    async get(id) {
      guard();
      const record = table().get(id);
      return record && copyOut(record);
    },
    async all() {
      return matching().map(copyOut);
    },
    async find(predicate) {
      return matching(predicate).map(copyOut);
    },
    async findOne(predicate) {
      guard();
      for (const record of table().values()) if (predicate(record)) return copyOut(record);
      return undefined;
    },
    async count(predicate) {
      guard();
      return predicate ? matching(predicate).length : table().size;
    },
  };
}

export function writeCollection(name: string, working: WorkingSet, guard: ScopeGuard): Collection<StoredRecord> {
  const store = (record: StoredRecord, mode: 'insert' | 'put'): StoredRecord => {
    guard();
    const stored = toJsonRecord(record);
    if (!isRecordId(stored.id)) throw new TypeError(`A ${name} record needs a string or finite number id; got ${String(stored.id)}.`);
    if (mode === 'insert' && working.table(name).has(stored.id)) {
      throw new AppError('conflict', `${name} ${JSON.stringify(stored.id)} already exists.`);
    }
    working.writableTable(name).set(stored.id, stored);
    return copyOut(stored);
  };
  return {
    ...readCollection(() => working.table(name), guard),
    async insert(record) {
      return store(record, 'insert');
    },
    async put(record) {
      return store(record, 'put');
    },
    async delete(id: RecordId) {
      guard();
      return working.table(name).has(id) && working.writableTable(name).delete(id);
    },
  };
}
