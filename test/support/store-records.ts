import type { CollectionName, Collections, ReadTransaction, Store } from '../../api/src/ports/store.js';

/**
 * Every record of a collection, paged through the port's `page` (the port has no whole-collection read for the
 * big collections): what a test inspects after a run.
 */
export async function allRecords<K extends CollectionName>(
  tx: ReadTransaction,
  name: K,
): Promise<Array<Collections[K]>> {
  const records: Array<Collections[K]> = [];
  for (;;) {
    const last = records.at(-1);
    const page = await tx.collection(name).page(last?.id, 500);
    records.push(...(page as Array<Collections[K]>));
    if (page.length < 500) return records;
  }
}

/** The same, read in its own read transaction. */
export const readAll = <K extends CollectionName>(store: Store, name: K): Promise<Array<Collections[K]>> =>
  store.read((tx) => allRecords(tx, name));
