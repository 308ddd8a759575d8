import type { ClusterState } from '../../ports/cluster-state.js';

/** Runs one statement on its own (autocommit): each method below is a single atomic statement. */
export type Query = (
  sql: string,
  params: unknown[],
) => Promise<{ rowCount: number | null; rows: Array<Record<string, unknown>> }>;

/**
 * The cluster_state table (schema-migrations.ts). Each change is one INSERT ... ON CONFLICT statement: two instances
 * doing it at once are ordered by the row lock, and the second re-checks its condition against the first's row.
 */
export function createPostgresClusterState(query: Query, instanceId: string): ClusterState {
  return {
    async agree(setting, fingerprint) {
      const name = `setting:${setting}`;
      await query(
        'INSERT INTO cluster_state (name, value, updated_by) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
        [name, fingerprint, instanceId],
      );
      const { rows } = await query('SELECT value FROM cluster_state WHERE name = $1', [name]);
      return String(rows[0]?.['value']);
    },
    async claimPeriodic(job, periodMs, now) {
      // ISO times in UTC compare as text in byte order ("C"), so the app's clock decides, as everywhere else.
      const result = await query(
        `INSERT INTO cluster_state (name, value, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by
         WHERE cluster_state.value COLLATE "C" <= $4`,
        [`job:${job}`, now.toISOString(), instanceId, new Date(now.getTime() - periodMs).toISOString()],
      );
      return result.rowCount === 1;
    },
  };
}
