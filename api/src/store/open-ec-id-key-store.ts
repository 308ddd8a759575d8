import type { EcIdKeyStore } from '../ports/ec-id-key-store.js';
import type { Store } from '../ports/store.js';
import { createFileEcIdKeyStore, readEcIdKeyFile } from './file-ec-id-key-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

/**
 * Where the desk keeps its EC_ID keys: on PostgreSQL the table every instance shares, with the keys of DATA_DIR's key
 * file (from before they moved there) imported first, so tokens in emails already sent keep verifying; on the
 * single-process stores, the file.
 */
export async function openEcIdKeyStore(
  store: Store,
  dataDir: string,
  now = new Date(),
): Promise<EcIdKeyStore> {
  if (!(store instanceof PostgresStore)) return createFileEcIdKeyStore(dataDir);
  const keys = store.ecIdKeyStore();
  await keys.importKeys(await readEcIdKeyFile(dataDir), now);
  return keys;
}
