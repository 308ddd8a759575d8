import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AppError } from '../../domain/app-error.js';
import { ChangeRecorder, CommitListeners } from '../commit-listeners.js';
import type {
  Collection,
  CollectionName,
  CommitChange,
  ReadCollection,
  ReadTransaction,
  Store,
  StoreHealth,
  Transaction,
  TransactOptions,
} from '../../ports/store.js';
import { StoreOpenError } from '../store-open-error.js';
import { commitNotice, readCommitNotice } from './commit-notice.js';
import { migratePostgres } from './migrate-postgres.js';
import { isConnectionLost, isRetryable } from './pg-errors.js';
import type { ClusterState } from '../../ports/cluster-state.js';
import { createPostgresClusterState } from './postgres-cluster-state.js';
import { PostgresEcIdKeyStore } from './postgres-ec-id-key-store.js';
import { postgresCollection, type Run } from './postgres-collection.js';
import { ReconnectingListener } from './reconnecting-listener.js';
import { lockKey, unlockKey } from './serialise-lock.js';

export type PostgresStoreOptions = {
  /** Without it, pg reads the usual PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables. */
  connectionString?: string;
  poolSize?: number;
  /** Tries of a transaction that hits a serialisation failure or deadlock before the error is passed on. */
  maxAttempts?: number;
  /** How long a transaction waits for its `serialiseOn` key before going ahead without it (default 5 s). */
  serialiseWaitMs?: number;
};

type Scope = { kind: 'read' | 'transaction'; isOpen: boolean };
const CHANGES_CHANNEL = 'sm_store_changes';
const IDLE_IN_TRANSACTION_MS = 10_000;

/**
 * The store on PostgreSQL. Writes run at SERIALIZABLE: the services read, decide and write (the ledger check before
 * a note, a status change after reading the SR) and must never see a half-applied concurrent commit; PostgreSQL
 * aborts one of two conflicting transactions with 40001, and `work` is then run again, a bounded number of times.
 * Reads run at REPEATABLE READ, READ ONLY: one snapshot for the whole read, as the port promises, without the cost
 * of serializable predicate locks.
 */
export class PostgresStore implements Store {
  readonly #pool: pg.Pool;
  readonly #maxAttempts: number;
  readonly #serialiseWaitMs: number;
  readonly #listeners = new CommitListeners();
  readonly #instance = randomUUID();
  readonly #currentTransaction = new AsyncLocalStorage<Scope>();
  readonly #sequencesMade = new Set<string>();
  #listener: ReconnectingListener | undefined;
  #isClosed = false;

  private constructor(pool: pg.Pool, maxAttempts: number, serialiseWaitMs: number) {
    this.#pool = pool;
    this.#maxAttempts = maxAttempts;
    this.#serialiseWaitMs = serialiseWaitMs;
    // An idle client losing its server must not crash the process; the next query reports it instead.
    pool.on('error', () => undefined);
  }

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // An instance frozen (or cut off) inside a transaction must not hold its row locks, a lease's among them,
      // for ever: the server ends such a session, and the frozen instance's transaction fails when it wakes.
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    });
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreOpenError(
        redact(options.connectionString ?? 'PostgreSQL (PG* variables)'),
        error instanceof Error ? error.message : String(error),
        { cause: error },
      );
    }
    const store = new PostgresStore(pool, options.maxAttempts ?? 12, options.serialiseWaitMs ?? 5_000);
    await store.#listen(options.connectionString).catch(() => undefined);
    return store;
  }

  async read<R>(work: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    this.#assertOpen();
    try {
      return await this.#withClient(
        'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY',
        'read',
        undefined,
        async (run, guard) =>
          work({
            collection: <K extends CollectionName>(name: K) => (
              guard(),
              postgresCollection(name, run, false, () => undefined) as unknown as ReadCollection<K>
            ),
          }),
      );
    } catch (error) {
      throw this.#mapped(error);
    }
  }

  async transact<R>(work: (tx: Transaction) => Promise<R>, options: TransactOptions = {}): Promise<R> {
    this.#assertOpen();
    if (this.#currentTransaction.getStore()?.isOpen) {
      throw new Error(
        'Store.transact was called inside another transaction, which would wait for itself forever; pass the outer transaction down instead.',
      );
    }
    for (let attempt = 1; ; attempt++) {
      const changed = new ChangeRecorder();
      try {
        const result = await this.#withClient(
          'BEGIN ISOLATION LEVEL SERIALIZABLE',
          'transaction',
          options.serialiseOn,
          async (run, guard) => {
            const value = await work({
              collection: <K extends CollectionName>(name: K) => {
                guard();
                return postgresCollection(name, run, true, (id, record) =>
                  changed.wrote(name, id, record),
                ) as unknown as Collection<K>;
              },
              nextSequence: async (name) => {
                guard();
                const sequence = await this.#sequence(name);
                return Number((await run(`SELECT nextval('${sequence}') AS n`)).rows[0]?.['n']);
              },
              leaseFence: async (name) => {
                // FOR SHARE: a takeover committed since this transaction's snapshot fails it (40001, so it runs again
                // and sees the new fence); one not yet committed waits for this commit.
                const row = (await run('SELECT fence FROM sm_leases WHERE name = $1 FOR SHARE', [name]))
                  .rows[0];
                return row ? Number(row['fence']) : undefined;
              },
            });
            if (!changed.isEmpty)
              await run('SELECT pg_notify($1, $2)', [
                CHANGES_CHANNEL,
                commitNotice(this.#instance, changed.change()),
              ]);
            return value;
          },
        );
        if (!changed.isEmpty) this.#listeners.notify(changed.change());
        return result;
      } catch (error) {
        if (!isRetryable(error) || attempt >= this.#maxAttempts) throw this.#mapped(error);
        // Back off a little, with jitter, so the transactions that collided do not collide again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 2 ** attempt)));
      }
    }
  }

  /**
   * Moves sequence `name` on so its next number is above `atLeast`: a desk copied in keeps numbering where it was.
   * Never moves a sequence back.
   */
  async advanceSequence(name: string, atLeast: number): Promise<void> {
    const sequence = await this.#sequence(name);
    await this.#pool.query(
      `SELECT setval('${sequence}', greatest($1::bigint, (SELECT last_value FROM ${sequence})))`,
      [Math.max(1, atLeast)],
    );
  }

  onCommit(listener: (change: CommitChange) => void): () => void {
    return this.#listeners.add(listener);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.#pool.query('SELECT 1');
      return {
        ok: true,
        detail: `PostgreSQL (${this.#pool.totalCount} of ${this.#pool.options.max} connections open)`,
      };
    } catch (error) {
      return { ok: false, detail: `PostgreSQL cannot be reached: ${(error as Error).message}` };
    }
  }

  /** What the instances on this database agree on, seen by the instance named `instanceId`. */
  clusterState(instanceId: string): ClusterState {
    return createPostgresClusterState(async (sql, params) => {
      this.#assertOpen();
      try {
        return await this.#pool.query(sql, params);
      } catch (error) {
        throw this.#mapped(error);
      }
    }, instanceId);
  }

  /** The EC_ID signing keys every instance on this database shares. */
  ecIdKeyStore(): PostgresEcIdKeyStore {
    return new PostgresEcIdKeyStore(this.#pool);
  }

  async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    await this.#listener?.close();
    await this.#pool.end();
  }

  async #withClient<R>(
    begin: string,
    kind: Scope['kind'],
    serialiseOn: string | undefined,
    work: (run: Run, guard: () => void) => Promise<R>,
  ): Promise<R> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw this.#mapped(error);
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
      if (key !== undefined) isLocked = await lockKey(client, key, this.#serialiseWaitMs);
      await client.query(begin);
      const result = await this.#currentTransaction.run(scope, () => work(run, guard));
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

  /** A PostgreSQL sequence per name, made the first time a name is used (outside any transaction). */
  async #sequence(name: string): Promise<string> {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(name))
      throw new Error(`"${name}" is not a usable sequence name.`);
    const sequence = `seq_${name.toLowerCase()}`;
    if (!this.#sequencesMade.has(sequence)) {
      await this.#pool.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`).catch((error: unknown) => {
        // Two instances creating it at once: one wins, which is all that is needed.
        if ((error as { code?: string }).code !== '23505') throw error;
      });
      this.#sequencesMade.add(sequence);
    }
    return sequence;
  }

  /** Hears the commits of other instances on the same database, so their listeners learn of them too; it opens
   * itself again after a server restart (the workers' sweeps cover what it missed meanwhile). */
  async #listen(connectionString: string | undefined): Promise<void> {
    this.#listener = new ReconnectingListener({
      connectionString,
      channel: CHANGES_CHANNEL,
      onPayload: (payload) => {
        const notice = readCommitNotice(payload);
        if (notice && notice.from !== this.#instance) this.#listeners.notify(notice.change);
      },
    });
    await this.#listener.start();
  }

  #mapped(error: unknown): unknown {
    if (isConnectionLost(error))
      return new AppError(
        'service_unavailable',
        'The database cannot be reached just now; try again shortly.',
      );
    if (isRetryable(error))
      return new AppError(
        'service_unavailable',
        'The database is too busy to finish this just now; try again.',
      );
    return error;
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new Error('The store is closed.');
  }
}

/** A connection string without its password, for messages. */
export function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
