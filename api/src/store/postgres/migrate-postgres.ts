import type { Pool } from 'pg';
import { SchemaTooNewError } from '../migrations.js';
import { PG_MIGRATIONS } from './schema-migrations.js';

/** Any fixed number: the advisory lock every instance takes before it looks at the schema. */
const MIGRATION_LOCK = 0x5e7_1ce;

/**
 * Brings the database to the schema this code knows, once, however many instances start together: the first takes
 * the advisory lock and migrates, the others wait for it and then find nothing to do. A newer schema refuses.
 * Returns the versions it applied.
 */
export async function migratePostgres(pool: Pool, migrations = PG_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_version',
    );
    const current = rows[0]?.version ?? 0;
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    if (current > latest) throw new SchemaTooNewError(current, latest);
    const applied: number[] = [];
    // By version number, not position: numbers are what the database records.
    for (const migration of migrations.filter((m) => m.version > current)) {
      // Each step and its version row commit together: a failed step leaves the previous version intact.
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
