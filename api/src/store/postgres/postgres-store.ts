import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
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
import { migratePostgres } from './migrate-postgres.js';
import { isRetryable, toStoreError } from './pg-errors.js';
import type { ClusterState } from '../../ports/cluster-state.js';
import { ChangeBroadcast } from './postgres-change-broadcast.js';
import { createPostgresClusterState } from './postgres-cluster-state.js';
import { PostgresEcIdKeyStore } from './postgres-ec-id-key-store.js';
import { ReadMemo } from './read-memo.js';
import { postgresCollection } from './postgres-collection.js';
import { PostgresSequences } from './postgres-sequences.js';
import { inSession, type Scope, type SessionOptions } from './postgres-session.js';

export type PostgresStoreOptions = {
  /** Without it, pg reads the usual PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables. */
  connectionString?: string;
  poolSize?: number;
  /** Tries of a transaction that hits a serialisation failure or deadlock before the error is passed on. */
  maxAttempts?: number;
  /** How long a transaction waits for its `serialiseOn` key before going ahead without it (default 5 s). */
  serialiseWaitMs?: number;
};

const IDLE_IN_TRANSACTION_MS = 10_000;

// 'row-locks' work locks what it decides on (FOR UPDATE) and reads the rest as committed at each statement: READ
// COMMITTED. Its fence check still holds, because FOR KEY SHARE waits for a takeover in flight and then reads the new
// fence.
const BEGIN_WRITE: Record<NonNullable<TransactOptions['isolation']>, string> = {
  serializable: 'BEGIN ISOLATION LEVEL SERIALIZABLE',
  'row-locks': 'BEGIN ISOLATION LEVEL READ COMMITTED',
};

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
  readonly #broadcast = new ChangeBroadcast(this.#listeners);
  readonly #scopes = new AsyncLocalStorage<Scope>();
  readonly #sequences: PostgresSequences;
  #isClosed = false;

  private constructor(pool: pg.Pool, maxAttempts: number, serialiseWaitMs: number) {
    this.#pool = pool;
    this.#maxAttempts = maxAttempts;
    this.#serialiseWaitMs = serialiseWaitMs;
    this.#sequences = new PostgresSequences(pool);
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
    await store.#broadcast.listen(options.connectionString).catch(() => undefined);
    return store;
  }

  async read<R>(work: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    this.#assertOpen();
    try {
      return await inSession(
        this.#pool,
        this.#session('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY', 'read', undefined),
        async (run, guard) =>
          work({
            collection: <K extends CollectionName>(name: K) => (
              guard(),
              postgresCollection(name, run, false, () => undefined) as unknown as ReadCollection<K>
            ),
          }),
      );
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async transact<R>(work: (tx: Transaction) => Promise<R>, options: TransactOptions = {}): Promise<R> {
    this.#assertOpen();
    if (this.#scopes.getStore()?.isOpen) {
      throw new Error(
        'Store.transact was called inside another transaction, which would wait for itself forever; pass the outer transaction down instead.',
      );
    }
    for (let attempt = 1; ; attempt++) {
      const changed = new ChangeRecorder();
      // Each lease's fence is read once per transaction: the first read's lock holds it until the commit.
      const fences = new Map<string, Promise<number | undefined>>();
      const memo = new ReadMemo();
      try {
        const result = await inSession(
          this.#pool,
          this.#session(BEGIN_WRITE[options.isolation ?? 'serializable'], 'transaction', options.serialiseOn),
          async (run, guard) => {
            const value = await work({
              collection: <K extends CollectionName>(name: K) => {
                guard();
                return memo.wrap(
                  name,
                  postgresCollection(name, run, true, (id, record) => {
                    memo.forget(name);
                    changed.wrote(name, id, record);
                  }),
                ) as unknown as Collection<K>;
              },
              nextSequence: async (name) => {
                guard();
                const sequence = await this.#sequences.sequenceOf(name);
                return Number((await run(`SELECT nextval('${sequence}') AS n`)).rows[0]?.['n']);
              },
              leaseFence: (name) => {
                // FOR KEY SHARE on a key column (schema version 7): a takeover (a new fence) committed since this
                // transaction's snapshot fails it (40001, so it runs again and sees the new fence), one not yet
                // committed waits for this commit, and the holder's own renewals touch neither.
                const fence =
                  fences.get(name) ??
                  run('SELECT fence FROM sm_leases WHERE name = $1 FOR KEY SHARE', [name]).then(({ rows }) =>
                    rows[0] ? Number(rows[0]['fence']) : undefined,
                  );
                fences.set(name, fence);
                return fence;
              },
            });
            if (!changed.isEmpty) await this.#broadcast.announce(run, changed.change());
            return value;
          },
        );
        if (!changed.isEmpty) this.#listeners.notify(changed.change());
        return result;
      } catch (error) {
        if (!isRetryable(error) || attempt >= this.#maxAttempts) throw toStoreError(error);
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
    await this.#sequences.advance(name, atLeast);
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
        throw toStoreError(error);
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
    await this.#broadcast.close();
    await this.#pool.end();
  }

  #session(begin: string, kind: Scope['kind'], serialiseOn: string | undefined): SessionOptions {
    return { begin, kind, serialiseOn, serialiseWaitMs: this.#serialiseWaitMs, scopes: this.#scopes };
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new Error('The store is closed.');
  }
}

/** A connection string without its password, for messages. */
export function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
