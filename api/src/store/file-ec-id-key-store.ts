import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EcIdKeyStore, StoredEcIdKey } from '../ports/ec-id-key-store.js';
import { ensurePrivateDir, writeFileDurably } from './durable-fs.js';

// The EC_ID keys of a single-process desk (lowdb, memory), in DATA_DIR/ec-id-keys.json with their secrets sealed by
// the secret box. One process reads and writes it, so a rotation needs no lock. On PostgreSQL the keys live in the
// database instead, and this file is only read once, to import the keys of a desk that ran here before.

type KeyFile = { keys: StoredEcIdKey[] };

export const EC_ID_KEY_FILE = 'ec-id-keys.json';

export function createFileEcIdKeyStore(dataDir: string): EcIdKeyStore {
  const path = join(dataDir, EC_ID_KEY_FILE);
  return {
    isShared: false,
    list: () => readEcIdKeyFile(dataDir),
    async rotate(expectedKid, next) {
      const keys = await readEcIdKeyFile(dataDir);
      const active = keys.find((k) => !k.retiredAt);
      if (active?.kid !== expectedKid) return false;
      if (active) active.retiredAt = next.createdAt;
      keys.push(next);
      await ensurePrivateDir(dataDir);
      // Durably, like the database: a rotated key lost to a power cut would invalidate the tokens already sent with it.
      await writeFileDurably(path, JSON.stringify({ keys } satisfies KeyFile, null, 2));
      return true;
    },
  };
}

/** The keys in DATA_DIR's key file; none when there is no file. */
export async function readEcIdKeyFile(dataDir: string): Promise<StoredEcIdKey[]> {
  const path = join(dataDir, EC_ID_KEY_FILE);
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
    if (!Array.isArray(parsed.keys)) throw new Error('no "keys" list');
    return parsed.keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    // Regenerating would silently invalidate every token in customers' mailboxes: stop and say so.
    throw new Error(
      `Cannot read the EC_ID key file ${path}: ${(err as Error).message}. Restore it from backup.`,
    );
  }
}
