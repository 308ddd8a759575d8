import { COLLECTION_NAMES, type StoreData } from './store-data.js';
import { toJsonRecord } from './json-record.js';
import type { RecordId, StoredRecord } from '../ports/store.js';

export type Table = ReadonlyMap<RecordId, StoredRecord>;

/**
 * Committed data as the engine holds it. Never changed in place: a commit builds the next state (sharing
 * the tables it did not touch), so a reader that captured a state keeps a consistent snapshot.
 */
export type StoreState = {
  schemaVersion: number;
  tables: ReadonlyMap<string, Table>;
  sequences: ReadonlyMap<string, number>;
};

export function isRecordId(id: unknown): id is RecordId {
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

/** Checks migrated data and indexes it; throws an Error saying what is wrong with it. */
export function stateFromData(data: StoreData): StoreState {
  const tables = new Map<string, Table>();
  for (const [name, records] of Object.entries(data.collections)) {
    if (!Array.isArray(records)) throw new Error(`collection "${name}" is not a list.`);
    const table = new Map<RecordId, StoredRecord>();
    for (const raw of records) {
      const record = toJsonRecord(raw);
      if (typeof record !== 'object' || record === null || !isRecordId(record.id)) {
        throw new Error(
          `collection "${name}" holds a record without a usable id: ${JSON.stringify(raw).slice(0, 200)}`,
        );
      }
      if (table.has(record.id))
        throw new Error(`collection "${name}" holds two records with id ${JSON.stringify(record.id)}.`);
      table.set(record.id, record);
    }
    tables.set(name, table);
  }
  const missing = COLLECTION_NAMES.filter((name) => !tables.has(name));
  if (missing.length > 0) {
    throw new Error(
      `collections ${missing.join(', ')} are missing at schema version ${data.schemaVersion}; a migration must create them.`,
    );
  }
  const sequences = new Map<string, number>();
  for (const [name, value] of Object.entries(data.sequences)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`sequence "${name}" is ${JSON.stringify(value)}, not a count.`);
    sequences.set(name, value);
  }
  return { schemaVersion: data.schemaVersion, tables, sequences };
}

export function dataFromState(state: StoreState): StoreData {
  return {
    schemaVersion: state.schemaVersion,
    collections: Object.fromEntries([...state.tables].map(([name, table]) => [name, [...table.values()]])),
    sequences: Object.fromEntries(state.sequences),
  };
}
