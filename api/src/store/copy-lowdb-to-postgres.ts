import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openLowdbStore } from './lowdb-store.js';
import type { CollectionName, Store, StoredRecord } from '../ports/store.js';
import type { PostgresStore } from './postgres/postgres-store.js';
import { COLLECTION_NAMES, parseStoreData } from './store-data.js';
import { readEcIdKeyFile } from './file-ec-id-key-store.js';

export type CopyReport = { collection: CollectionName; copied: number }[];

const BATCH = 500;

/**
 * Copies a lowdb desk into PostgreSQL: every collection in batches of one transaction each (SRs first, so their
 * notes find them), then the sequences, then checks every record arrived as it was. Writes are `put`, so a copy that
 * failed half-way can run again over what it left (`force`). The EC_ID keys beside the file go into the database's
 * key table, so tokens in emails already sent keep verifying. Attachment bytes stay in the blob store.
 */
export async function copyLowdbToPostgres(options: {
  file: string;
  target: PostgresStore;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<CopyReport> {
  const log = options.log ?? (() => undefined);
  const { target } = options;
  const targetCount = await totalRecords(target);
  if (targetCount > 0 && !options.force) {
    throw new Error(
      `The PostgreSQL database already holds ${targetCount} records; copy into an empty database, or pass --force to write over it (re-running a copy that failed).`,
    );
  }
  const source = await openLowdbStore({ file: options.file });
  try {
    const report: CopyReport = [];
    for (const name of COLLECTION_NAMES) {
      let copied = 0;
      for (let after: StoredRecord['id'] | undefined; ;) {
        const records = await source.read((tx) => tx.collection(name).page(after as never, BATCH));
        if (records.length === 0) break;
        await target.transact(async (tx) => {
          for (const record of records) await tx.collection(name).put(record as never);
        });
        copied += records.length;
        after = records.at(-1)?.id;
      }
      report.push({ collection: name, copied });
      log(`${name}: ${copied}`);
    }
    // The lowdb file is read again for its sequences: the port hands out numbers but does not list them.
    const { sequences } = parseStoreData(JSON.parse(await readFile(options.file, 'utf8')));
    for (const [name, value] of Object.entries(sequences)) await target.advanceSequence(name, value);
    const keys = await target
      .ecIdKeyStore()
      .importKeys(await readEcIdKeyFile(dirname(options.file)), new Date());
    log(`EC_ID keys: ${keys}`);
    await verify(source, target, log);
    return report;
  } finally {
    await source.close();
  }
}

async function totalRecords(store: Store): Promise<number> {
  // One query after another: a read's queries share one database connection.
  return store.read(async (tx) => {
    let total = 0;
    for (const name of COLLECTION_NAMES) total += await tx.collection(name).count();
    return total;
  });
}

/** Every source record is in the target, equal field for field, and the counts agree. */
async function verify(source: Store, target: Store, log: (line: string) => void): Promise<void> {
  for (const name of COLLECTION_NAMES) {
    const [from, to] = await Promise.all([
      source.read((tx) => tx.collection(name).count()),
      target.read((tx) => tx.collection(name).count()),
    ]);
    if (from !== to)
      throw new Error(`Verification failed: ${name} has ${from} records in lowdb and ${to} in PostgreSQL.`);
    for (let after: StoredRecord['id'] | undefined; ;) {
      const records = await source.read((tx) => tx.collection(name).page(after as never, BATCH));
      if (records.length === 0) break;
      const copies = await target.read(async (tx) => {
        const found = [];
        for (const record of records) found.push(await tx.collection(name).get(record.id as never));
        return found;
      });
      records.forEach((record, i) => {
        if (!isDeepStrictEqual(record, copies[i]))
          throw new Error(`Verification failed: ${name} ${JSON.stringify(record.id)} differs in PostgreSQL.`);
      });
      after = records.at(-1)?.id;
    }
  }
  log('verified: every record is in PostgreSQL as it was in lowdb');
}
