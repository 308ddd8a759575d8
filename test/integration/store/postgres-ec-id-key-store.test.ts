import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeEcId, encodeEcId } from '../../../api/src/domain/ec-id.js';
import { createSecretBox } from '../../../api/src/domain/secret-box.js';
import { LiveEcIdKeyring } from '../../../api/src/services/ec-id-keys/live-ec-id-keyring.js';
import { loadEcIdKeyring } from '../../../api/src/services/ec-id-keys/load-ec-id-keyring.js';
import { createFileEcIdKeyStore } from '../../../api/src/store/file-ec-id-key-store.js';
import { openEcIdKeyStore } from '../../../api/src/store/open-ec-id-key-store.js';
import { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { eventually } from '../../support/emulator-graph-target.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';

// The EC_ID keys in the database on a real PostgreSQL: each store stands for an instance with a disk of its own.

const secrets = createSecretBox(Buffer.alloc(32, 7));
const policy = { rotateAfterDays: 90, graceDays: 365 };
const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1);

const databases: TestDatabase[] = [];
const opened: Array<{ close(): unknown }> = [];
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-pg-keys-'));
});
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});
afterAll(async () => {
  for (const database of databases) await database.drop();
  await rm(dir, { recursive: true, force: true });
});

/** `n` instances on a fresh database of their own. */
async function instances(n: number): Promise<PostgresStore[]> {
  const database = await createTestDatabase('ec_id_keys');
  databases.push(database);
  const stores = await Promise.all(
    Array.from({ length: n }, () => PostgresStore.open({ connectionString: database.url, poolSize: 3 })),
  );
  opened.push(...stores);
  return stores;
}

async function rowsIn(
  store: PostgresStore,
): Promise<Array<{ kid: string; secret: string; retired: boolean }>> {
  const keys = await store.ecIdKeyStore().list();
  return keys.map((k) => ({
    kid: k.kid,
    secret: JSON.stringify(k.secret),
    retired: k.retiredAt !== undefined,
  }));
}

describe('EC_ID keys in PostgreSQL', () => {
  it('makes one key when several instances start at once on a fresh database, sealed at rest', async () => {
    const stores = await instances(4);
    const keyrings = await Promise.all(
      stores.map((store) => loadEcIdKeyring(store.ecIdKeyStore(), secrets, policy, new Date(start))),
    );
    expect(new Set(keyrings.map((k) => k.current.kid)).size).toBe(1);
    const rows = await rowsIn(stores[0]!);
    expect(rows).toHaveLength(1);
    const secret = Buffer.from(keyrings[0]!.current.secret as Uint8Array).toString('base64');
    expect(rows[0]!.secret).not.toContain(secret);
    expect(rows[0]!.secret).not.toContain(secret.slice(-4));
  });

  it('rotates once when instances find the key stale together, and each sees the new key without a restart', async () => {
    const [a, b, c] = await instances(3);
    let now = start;
    const clock = () => new Date(now);
    const open = (store: PostgresStore, refreshMs: number) =>
      LiveEcIdKeyring.open(store.ecIdKeyStore(), secrets, policy, { refreshMs, clock });
    const [ka, kb, kc] = await Promise.all([open(a!, 3_600_000), open(b!, 3_600_000), open(c!, 50)]);
    opened.push(ka, kb, kc);
    const first = ka.current.kid;
    const before = encodeEcId({ requestId: 7, outboundId: 3 }, ka);

    now = start + 91 * DAY;
    await Promise.all([ka.refresh(), kb.refresh()]);
    expect(ka.current.kid).not.toBe(first);
    expect(kb.current.kid).toBe(ka.current.kid);
    const rows = await rowsIn(a!);
    expect(rows.map((r) => r.retired)).toEqual([true, false]);

    // C is not told: its periodic refresh finds the rotation the others made.
    await eventually(
      () => (kc.current.kid === ka.current.kid ? true : undefined),
      5_000,
      'C to see the new key',
    );
    expect(await rowsIn(a!)).toHaveLength(2);

    // A token signed by one instance verifies on the others, the new key's and, within the grace period, the old's.
    const after = encodeEcId({ requestId: 8, outboundId: 4 }, kb);
    for (const keyring of [ka, kb, kc]) {
      expect(decodeEcId(after, keyring, clock())).toMatchObject({
        status: 'valid',
        requestId: 8,
        outboundId: 4,
      });
      expect(decodeEcId(before, keyring, clock())).toMatchObject({
        status: 'valid',
        requestId: 7,
        outboundId: 3,
      });
    }
  });

  it('imports the key file of a desk that ran on lowdb, once, so tokens already sent keep verifying', async () => {
    const dataDir = await mkdtemp(join(dir, 'desk-'));
    const fileKeys = await loadEcIdKeyring(createFileEcIdKeyStore(dataDir), secrets, policy);
    const sent = encodeEcId({ requestId: 12, outboundId: 5 }, fileKeys);

    const [a, b] = await instances(2);
    const [keysA, keysB] = await Promise.all([openEcIdKeyStore(a!, dataDir), openEcIdKeyStore(b!, dataDir)]);
    const [ka, kb] = await Promise.all([
      loadEcIdKeyring(keysA, secrets, policy),
      loadEcIdKeyring(keysB, secrets, policy),
    ]);
    // The file's active key goes on signing: nothing changed for the emails in flight.
    expect(ka.current.kid).toBe(fileKeys.current.kid);
    expect(kb.current.kid).toBe(fileKeys.current.kid);
    expect(decodeEcId(sent, kb, new Date())).toMatchObject({ status: 'valid', requestId: 12 });
    expect(await rowsIn(a!)).toHaveLength(1);
  });

  it('imports another key file beside the database keys as retired: its tokens verify, the database key signs', async () => {
    const [store] = await instances(1);
    const inDatabase = await loadEcIdKeyring(store!.ecIdKeyStore(), secrets, policy);
    const dataDir = await mkdtemp(join(dir, 'other-desk-'));
    const fileKeys = await loadEcIdKeyring(createFileEcIdKeyStore(dataDir), secrets, policy);
    const sent = encodeEcId({ requestId: 13, outboundId: 6 }, fileKeys);

    const keyring = await loadEcIdKeyring(await openEcIdKeyStore(store!, dataDir), secrets, policy);
    expect(keyring.current.kid).toBe(inDatabase.current.kid);
    expect(decodeEcId(sent, keyring, new Date())).toMatchObject({ status: 'valid', requestId: 13 });
    expect(
      await store!.ecIdKeyStore().importKeys(await createFileEcIdKeyStore(dataDir).list(), new Date()),
    ).toBe(0);
  });

  it('keeps one active key even when a writer skips the lock', async () => {
    const [store] = await instances(1);
    await loadEcIdKeyring(store!.ecIdKeyStore(), secrets, policy);
    const database = databases.at(-1)!;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(
        client.query(
          "INSERT INTO ec_id_keys (kid, secret, created_at) VALUES ('rogue', '{}', '2026-01-01T00:00:00.000Z')",
        ),
      ).rejects.toThrow(/ec_id_keys_one_active/);
    } finally {
      await client.end();
    }
  });
});
