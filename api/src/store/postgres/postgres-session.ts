import type { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { toStoreError } from './pg-errors.js';
import type { Run } from './postgres-collection.js';
import { lockKey, unlockKey } from './serialise-lock.js';

/** A read or a transaction in progress; `isOpen` turns false when it ends, so late use of its collections fails. */
export type Scope = { kind: 'read' | 'transaction'; isOpen: boolean };

export type SessionOptions = {
  /** The BEGIN statement, with the isolation level. */
  begin: string;
  kind: Scope['kind'];
  /** A key no two transactions hold at once (`TransactOptions.serialiseOn`). */
  serialiseOn: string | undefined;
  serialiseWaitMs: number;
  /** Where the running scope is kept, so a nested Store.transact can be refused. */
  scopes: AsyncLocalStorage<Scope>;
};

/**
 * Runs `work` in one transaction on one pooled client: BEGIN, work, COMMIT (ROLLBACK on a throw), and gives the
 * client back — or throws it away when its connection broke meanwhile.
 */
export async function inSession<R>(
  pool: pg.Pool,
  options: SessionOptions,
  work: (run: Run, guard: () => void) => Promise<R>,
): Promise<R> {
  const { begin, kind, serialiseOn } = options;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStoreError(error);
  }
  const scope: Scope = { kind, isOpen: true };
  const guard = () => {
    if (!scope.isOpen)
      throw new Error(
        `This ${kind} has ended; use its collections only inside the function given to Store.${kind === 'read' ? 'read' : 'transact'}.`,
      );
  };
  // One statement at a time on the client, even when a caller starts several at once (Promise.all over records):
  // pg 8 queues the extra ones with a deprecation warning and pg 9 throws. `idle` settles when the last one has.
  let idle: Promise<unknown> = Promise.resolve();
  const run: Run = async (sql, params) => {
    guard();
    const result = idle.then(() => client.query(sql, params));
    idle = result.catch(() => undefined);
    return result;
  };
  let broken: unknown;
  // The pool stops listening for a client's errors while it is lent out: a server that ends the session (a restart,
  // an admin) between two statements would otherwise be an unhandled 'error' that ends the process. Heard here, the
  // next statement fails instead, and the client is thrown away rather than returned to the pool.
  const onLost = (error: Error) => (broken ??= error);
  client.on('error', onLost);
  // Locked before BEGIN, so the transaction's snapshot is taken after the previous holder committed: it sees that
  // holder's writes and does not collide with them. A session lock, released below or when the connection dies.
  const key = serialiseOn === undefined ? undefined : `sm:${serialiseOn}`;
  let isLocked = false;
  try {
    if (key !== undefined) isLocked = await lockKey(client, key, options.serialiseWaitMs);
    await client.query(begin);
    const result = await options.scopes.run(scope, () => work(run, guard));
    scope.isOpen = false;
    await idle;
    await client.query('COMMIT');
    return result;
  } catch (error) {
    scope.isOpen = false;
    await idle;
    await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
    throw error;
  } finally {
    scope.isOpen = false;
    if (key !== undefined && isLocked && !broken)
      await unlockKey(client, key).catch((unlockError: unknown) => (broken = unlockError));
    client.removeListener('error', onLost);
    client.release(broken instanceof Error ? broken : undefined);
  }
}
