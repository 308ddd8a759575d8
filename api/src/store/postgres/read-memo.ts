import type { CollectionName } from '../../ports/store.js';
import type { PgView } from './postgres-collection.js';

// Within one transaction, each read of a small collection (note types, settings, templates, rules, accounts) goes to
// the server once: a group commit of 40 replies read the note types and the settings 40 times. Under SERIALIZABLE a
// transaction sees one snapshot, so the answer cannot change, except by its own writes: a write to a collection
// forgets what was read of it. Under row locks (READ COMMITTED) a second read could see an admin's change committed
// meanwhile; the first answer is kept, so the whole group decides on one version of the settings. Each caller gets its
// own copy, as from any read.

const SMALL: ReadonlySet<CollectionName> = new Set([
  'noteTypes',
  'settings',
  'mailTemplates',
  'rules',
  'mailAccounts',
]);

export class ReadMemo {
  readonly #reads = new Map<string, Promise<unknown>>();

  /** `name` was written in this transaction: its next reads go to the server. */
  forget(name: CollectionName): void {
    for (const key of this.#reads.keys()) if (key.startsWith(`${name}:`)) this.#reads.delete(key);
  }

  wrap(name: CollectionName, view: PgView): PgView {
    if (!SMALL.has(name)) return view;
    const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
      const full = `${name}:${key}`;
      const found = (this.#reads.get(full) as Promise<T> | undefined) ?? read();
      this.#reads.set(full, found);
      return found.then((value) => structuredClone(value));
    };
    const { all } = view as { all?: () => Promise<unknown[]> };
    return {
      ...view,
      get: (id) => once(`get:${String(id)}`, () => view.get(id)),
      ...(all ? { all: () => once('all', () => all()) } : {}),
    };
  }
}
