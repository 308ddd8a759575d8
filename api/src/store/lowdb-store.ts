import { chmod, copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { fsyncPath, PRIVATE_FILE_MODE } from './durable-fs.js';
import { MIGRATIONS, migrate, type Migration } from './migrations.js';
import type { Store, StoreHealth } from '../ports/store.js';
import { newStoreData, parseStoreData, type StoreData } from './store-data.js';
import { StoreOpenError } from './store-open-error.js';
import { TransactionalStore } from './transactional-store.js';

export type LowdbStoreOptions = {
  file: string;
  /** The schema's migrations; tests pass their own list to watch them run. */
  migrations?: readonly Migration[];
  /** Past this size /api/health warns that commits are slow (default LOWDB_SLOW_BYTES). */
  warnBytes?: number;
};

/**
 * The embedded database: one JSON file, rewritten whole on every commit. lowdb's JSONFile writes through
 * steno, which writes a temp file beside it and renames it over the database, so a crash at any moment
 * leaves either the previous commit or the new one, never a torn file. (JSONFilePreset is avoided on
 * purpose: under NODE_ENV=test it silently keeps everything in memory.)
 *
 * Opening never writes over a file it could not understand: a corrupt, unreadable or too-new database
 * stops start-up with a StoreOpenError naming the file. A missing file starts a new database.
 */
export async function openLowdbStore({
  file,
  migrations = MIGRATIONS,
  warnBytes = LOWDB_SLOW_BYTES,
}: LowdbStoreOptions): Promise<Store> {
  const path = resolve(file);
  const db = new Low<unknown>(new JSONFile<unknown>(path), null);
  const persist = async (data: StoreData): Promise<void> => {
    db.data = data;
    await db.write();
    // steno writes its temp file with the default mode (0644 under the usual umask); the desk's mail is this user's only.
    await chmod(path, PRIVATE_FILE_MODE);
    // steno renames without fsync; these make the commit survive a power loss once it has resolved.
    await fsyncPath(path, 'file');
    await fsyncPath(dirname(path), 'directory');
  };

  const existing = await readExisting(db, path);
  const data = existing ?? newStoreData();
  const foundVersion = data.schemaVersion;
  let applied: Migration[];
  let store: TransactionalStore;
  try {
    applied = migrate(data, migrations);
    store = new TransactionalStore(data, persist, () => lowdbHealth(path, warnBytes));
  } catch (error) {
    throw new StoreOpenError(path, error instanceof Error ? error.message : String(error), { cause: error });
  }
  try {
    if (existing && applied.length > 0) {
      // A migration is a one-way step; keep the file as it was so a failed upgrade can be undone by hand.
      await copyFile(path, `${path}.schema-v${foundVersion}.bak`);
      await chmod(`${path}.schema-v${foundVersion}.bak`, PRIVATE_FILE_MODE);
    }
    if (!existing || applied.length > 0) {
      await mkdir(dirname(path), { recursive: true });
      await persist(data);
    }
  } catch (error) {
    throw new StoreOpenError(path, `it cannot be written (${(error as Error).message}).`, { cause: error });
  }
  return store;
}

/**
 * Every commit rewrites the whole file, so commit time grows with it, a little faster than the file (README,
 * "Measured figures"; `npm run bench -- --only=lowdb-size`): an agent's add-note commit took 5.8–8.4 ms per MB
 * between 2 and 17 MB, and passed the 50 ms target at 6.6–10 MB (two runs on a 2-core machine at load 7–10).
 * Past this size agents start to queue behind the mail engine's commits. LOWDB_WARN_MB overrides it.
 */
export const LOWDB_SLOW_BYTES = 8 * 1024 * 1024;

/** What the tab and /api/health tell an admin whose lowdb file is past the size where commits get slow. */
export const MIGRATE_COMMAND = 'npm run store:migrate -- --from lowdb --to postgres';

async function lowdbHealth(path: string, warnBytes: number): Promise<StoreHealth> {
  const { size } = await stat(path);
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return {
    ok: true,
    detail: `lowdb file ${megabytes} MB`,
    ...(size > warnBytes
      ? {
          warning: `The lowdb file is past ${Math.round((warnBytes / 1024 / 1024) * 10) / 10} MB, where every commit slows down; stop the API and move the desk to PostgreSQL with "${MIGRATE_COMMAND}".`,
        }
      : {}),
  };
}

/** The parsed database, or undefined when there is no file yet. */
async function readExisting(db: Low<unknown>, path: string): Promise<StoreData | undefined> {
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreOpenError(path, `it cannot be read (${(error as Error).message}).`, { cause: error });
  }
  try {
    await db.read();
  } catch (error) {
    const problem = error instanceof SyntaxError ? 'it is not valid JSON' : 'it cannot be read';
    throw new StoreOpenError(
      path,
      `${problem} (${(error as Error).message}). Restore it from a backup, or move it away to start an empty database.`,
      { cause: error },
    );
  }
  try {
    return parseStoreData(db.data);
  } catch (error) {
    throw new StoreOpenError(path, (error as Error).message, { cause: error });
  }
}
