import type { CollectionName, CommitChange, RecordId, StoredRecord } from '../ports/store.js';
import { ChangeRecorder } from './commit-listeners.js';
import type { StoreState, Table } from './store-state.js';

/**
 * What one transaction has changed, on top of the state it started from. A table or the sequences are
 * copied the first time the transaction writes them; rolling back is dropping the working set.
 */
export class WorkingSet {
  readonly #base: StoreState;
  readonly #changedTables = new Map<string, Map<RecordId, StoredRecord>>();
  #changedSequences: Map<string, number> | undefined;
  readonly #changes = new ChangeRecorder();

  constructor(base: StoreState) {
    this.#base = base;
  }

  table(name: string): Table {
    const table = this.#changedTables.get(name) ?? this.#base.tables.get(name);
    if (!table) throw new Error(`Unknown collection "${name}".`);
    return table;
  }

  /**
   * The table to change record `id` in; the id, and the SR of `record` (the one written, or the one deleted), are
   * remembered for the commit's change notice.
   */
  writableTable(
    name: CollectionName,
    id: RecordId,
    record: StoredRecord | undefined,
  ): Map<RecordId, StoredRecord> {
    this.#changes.wrote(name, id, record);
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

  /** Which records of which collections (and of which SRs) this transaction wrote. */
  change(): CommitChange {
    return this.#changes.change();
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
