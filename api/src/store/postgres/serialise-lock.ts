import type pg from 'pg';

// The lock behind Store.transact's `serialiseOn`: a session-level advisory lock on a hash of the key, taken before
// BEGIN. It only spares colliding transactions an abort and a retry; SERIALIZABLE is what keeps them correct. So a
// wait is bounded: a holder frozen by its host (SIGSTOP, a stalled VM) keeps its session and its lock, and the others
// must not stall behind it. After `waitMs` the transaction goes ahead unlocked and SERIALIZABLE sorts it out.

const LOCK_NOT_AVAILABLE = '55P03';

/** Takes the lock for `key`, waiting at most `waitMs`; false when it went ahead without it. */
export async function lockKey(client: pg.PoolClient, key: string, waitMs: number): Promise<boolean> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.trunc(waitMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  } finally {
    await client.query('RESET lock_timeout');
  }
}

export async function unlockKey(client: pg.PoolClient, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
}
