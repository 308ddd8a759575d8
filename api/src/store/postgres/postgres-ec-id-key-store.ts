import type pg from 'pg';
import type { EcIdKeyStore, StoredEcIdKey } from '../../ports/ec-id-key-store.js';

// The EC_ID keys in the ec_id_keys table (schema-migrations.ts, version 6), shared by every instance on the database.
// Changes run in a transaction holding one advisory lock, so instances starting or rotating together take turns and
// each sees what the one before it did; the one-active-key index is the last word should anything else write.

/** Any fixed number: the lock every change to the keys takes. */
const KEYS_LOCK = 0xec_1d;

type Row = { kid: string; secret: StoredEcIdKey['secret']; created_at: string; retired_at: string | null };

export class PostgresEcIdKeyStore implements EcIdKeyStore {
  readonly isShared = true;
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async list(): Promise<StoredEcIdKey[]> {
    const { rows } = await this.#pool.query<Row>(
      'SELECT kid, secret, created_at, retired_at FROM ec_id_keys ORDER BY created_at, kid',
    );
    return rows.map((row) => ({
      kid: row.kid,
      secret: row.secret,
      createdAt: row.created_at,
      ...(row.retired_at === null ? {} : { retiredAt: row.retired_at }),
    }));
  }

  async rotate(expectedKid: string | undefined, next: StoredEcIdKey): Promise<boolean> {
    return this.#locked(async (client) => {
      const { rows } = await client.query<{ kid: string }>(
        'SELECT kid FROM ec_id_keys WHERE retired_at IS NULL',
      );
      if (rows[0]?.kid !== expectedKid) return false;
      await client.query('UPDATE ec_id_keys SET retired_at = $2 WHERE kid = $1', [
        expectedKid,
        next.createdAt,
      ]);
      await insert(client, next);
      return true;
    });
  }

  /**
   * Adds keys kept elsewhere before (a DATA_DIR key file) that the table lacks, so tokens already sent with them keep
   * verifying. Into an empty table they come as they were, the active one staying active; beside keys the table
   * already holds they come retired (at `now` at the latest), so they verify for the grace period but the
   * database's own key keeps signing. Returns how many were added; running it again adds none.
   */
  async importKeys(keys: readonly StoredEcIdKey[], now: Date): Promise<number> {
    if (keys.length === 0) return 0;
    return this.#locked(async (client) => {
      const { rows } = await client.query<{ kid: string }>('SELECT kid FROM ec_id_keys');
      const held = new Set(rows.map((row) => row.kid));
      const missing = keys.filter((k) => !held.has(k.kid));
      const mayStayActive = held.size === 0 ? missing.find((k) => !k.retiredAt) : undefined;
      for (const key of missing) {
        const retiredAt = key === mayStayActive ? undefined : (key.retiredAt ?? now.toISOString());
        await insert(client, { ...key, ...(retiredAt === undefined ? {} : { retiredAt }) });
      }
      return missing.length;
    });
  }

  async #locked<R>(work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    // A server that ends the session while the client is lent out must fail the next statement, not the process.
    const onLost = (error: Error) => (broken ??= error);
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [KEYS_LOCK]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
      throw error;
    } finally {
      client.removeListener('error', onLost);
      client.release(broken);
    }
  }
}

async function insert(client: pg.PoolClient, key: StoredEcIdKey): Promise<void> {
  await client.query('INSERT INTO ec_id_keys (kid, secret, created_at, retired_at) VALUES ($1, $2, $3, $4)', [
    key.kid,
    JSON.stringify(key.secret),
    key.createdAt,
    key.retiredAt ?? null,
  ]);
}
