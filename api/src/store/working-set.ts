import type { RecordId, StoredRecord } from '../ports/store.js';
import type { StoreState, Table } from './store-state.js';

/**
 * What one transaction has changed, on top of the state it started from. A table or the sequences are
 * copied the first time the transaction writes them; rolling back is dropping the working set.
 */
export class WorkingSet {
  readonly #base: StoreState;
  readonly #changedTables = new Map<string, Map<RecordId, StoredRecord>>();
  #changedSequences: Map<string, number> | undefined;
  readonly #changedIds = new Map<string, Set<RecordId>>();

  constructor(base: StoreState) {
    this.#base = base;
  }

  table(name: string): Table {
    const table = this.#changedTables.get(name) ?? this.#base.tables.get(name);
    if (!table) throw new Error(`Unknown collection "${name}".`);
    return table;
  }

  /** The table to change record `id` in; the id is remembered for the commit's change notice. */
  writableTable(name: string, id: RecordId): Map<RecordId, StoredRecord> {
    const ids = this.#changedIds.get(name) ?? new Set<RecordId>();
    this.#changedIds.set(name, ids.add(id));
    let table = this.#changedTables.get(name);
    if (!table) {
      table = new Map(this.table(name));
      this.#changedTables.set(name, table);
    }
    return table;
  }

  nextSequence(name: string): number {
    this.#changedSequences ??= new Map(this.#base.sequences);
    const next = (this.#changedSequences.get(name) ?? 0) + 1;
    this.#changedSequences.set(name, next);
    return next;
  }

  get hasChanges(): boolean {
    return this.#changedTables.size > 0 || this.#changedSequences !== undefined;
  }

  /** Which records of which collections this transaction wrote. */
  changedIds(): Record<string, RecordId[]> {
    return Object.fromEntries([...this.#changedIds].map(([name, ids]) => [name, [...ids]]));
  }

  /** The state this transaction commits: the base with its changed tables and sequences swapped in. */
  result(): StoreState {
    return {
      schemaVersion: this.#base.schemaVersion,
      tables: new Map([...this.#base.tables, ...this.#changedTables]),
      sequences: this.#changedSequences ?? this.#base.sequences,
    };
  }
}
