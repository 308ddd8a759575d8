import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Coordination, Lease, LeaseRecord, SharedSubscription, Wake } from '../../ports/coordination.js';
import { ReconnectingListener } from './reconnecting-listener.js';

// Leases, wakes and shared subscriptions on the desk's PostgreSQL (schema version 2). Each lease change is one
// statement, so it is atomic without a transaction; times are the server's clock, the one clock every instance
// shares. Wakes travel on LISTEN/NOTIFY: a wake lost with a crashed listener is covered by the sweep.

const WAKE_CHANNEL = 'sm_mail_wake';

const LEASE_COLUMNS = 'name, holder, fence, expires_at, released, backlog';

// Each instance's LISTEN connection carries its name (application_name 'sm:<INSTANCE_ID>') for as long as the process
// lives: a SIGKILLed instance's session ends with its socket, at once, so its leases can be taken over without
// waiting for them to lapse. A frozen instance keeps its session, and so its leases until they lapse; the fence
// refuses whatever it writes after that.
const sessionName = (instanceId: string): string => `sm:${instanceId}`.slice(0, 63);
const HOLDER_ALIVE =
  "EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = left('sm:' || l.holder, 63))";
type LeaseRow = {
  name: string;
  holder: string;
  fence: string;
  expires_at: Date;
  released: boolean;
  backlog: number | null;
};

export class PostgresCoordination implements Coordination {
  readonly local = false;
  readonly #pool: pg.Pool;
  readonly #wakes = new EventEmitter();
  #listener: ReconnectingListener | undefined;
  #closed = false;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
    pool.on('error', () => undefined);
  }

  /** The store has migrated the schema already (PostgresStore.open). */
  static async open(connectionString: string | undefined, instanceId: string): Promise<PostgresCoordination> {
    const coordination = new PostgresCoordination(
      new pg.Pool({ connectionString, max: 3, connectionTimeoutMillis: 5_000 }),
    );
    try {
      await coordination.#listen(connectionString, sessionName(instanceId));
    } catch (error) {
      // Its listener would otherwise keep trying for an object nobody holds.
      await coordination.close();
      throw error;
    }
    return coordination;
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | undefined> {
    // A free, expired or dead holder's lease goes to the caller with the next fence; our own live one is extended as it is.
    const { rows } = await this.#pool.query<LeaseRow>(
      `INSERT INTO sm_leases AS l (name, holder, fence, expires_at)
         VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET
         holder = EXCLUDED.holder,
         fence = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > clock_timestamp() THEN l.fence ELSE l.fence + 1 END,
         expires_at = EXCLUDED.expires_at,
         released = false
       WHERE l.expires_at <= clock_timestamp() OR l.holder = EXCLUDED.holder OR NOT ${HOLDER_ALIVE}
       RETURNING ${LEASE_COLUMNS}`,
      [name, holder, ttlMs],
    );
    return rows[0] ? leaseOf(rows[0]) : undefined;
  }

  async renew(name: string, holder: string, fence: number, ttlMs: number): Promise<Lease | undefined> {
    const { rows } = await this.#pool.query<LeaseRow>(
      `UPDATE sm_leases SET expires_at = clock_timestamp() + $4 * interval '1 millisecond'
       WHERE name = $1 AND holder = $2 AND fence = $3 RETURNING ${LEASE_COLUMNS}`,
      [name, holder, fence, ttlMs],
    );
    return rows[0] ? leaseOf(rows[0]) : undefined;
  }

  async release(name: string, holder: string, fence: number): Promise<void> {
    // Expired, not deleted: the fence must keep growing, so the next holder's is above every earlier one.
    await this.#pool.query(
      'UPDATE sm_leases SET expires_at = clock_timestamp(), released = true WHERE name = $1 AND holder = $2 AND fence = $3',
      [name, holder, fence],
    );
  }

  async pass(
    name: string,
    holder: string,
    fence: number,
    to: string,
    ttlMs: number,
  ): Promise<Lease | undefined> {
    const { rows } = await this.#pool.query<LeaseRow>(
      `UPDATE sm_leases SET holder = $4, fence = fence + 1, released = false,
         expires_at = clock_timestamp() + $5 * interval '1 millisecond'
       WHERE name = $1 AND holder = $2 AND fence = $3 RETURNING ${LEASE_COLUMNS}`,
      [name, holder, fence, to, ttlMs],
    );
    return rows[0] ? leaseOf(rows[0]) : undefined;
  }

  async releaseAll(holder: string): Promise<void> {
    await this.#pool.query(
      'UPDATE sm_leases SET expires_at = clock_timestamp(), released = true WHERE holder = $1 AND expires_at > clock_timestamp()',
      [holder],
    );
  }

  async lease(name: string): Promise<LeaseRecord | undefined> {
    const { rows } = await this.#pool.query<LeaseRow>(
      `SELECT ${LEASE_COLUMNS} FROM sm_leases WHERE name = $1`,
      [name],
    );
    return rows[0] ? { ...leaseOf(rows[0]), released: rows[0].released } : undefined;
  }

  async lapsed(prefix: string): Promise<Lease[]> {
    const { rows } = await this.#pool.query<LeaseRow>(
      `SELECT ${LEASE_COLUMNS} FROM sm_leases l WHERE NOT released AND (expires_at <= clock_timestamp() OR NOT ${HOLDER_ALIVE}) AND starts_with(name, $1)`,
      [prefix],
    );
    return rows.map(leaseOf);
  }

  async reportBacklog(name: string, holder: string, backlog: number | undefined): Promise<void> {
    await this.#pool.query('UPDATE sm_leases SET backlog = $3 WHERE name = $1 AND holder = $2', [
      name,
      holder,
      backlog ?? null,
    ]);
  }

  async holders(prefix = ''): Promise<Lease[]> {
    const { rows } = await this.#pool.query<LeaseRow>(
      `SELECT ${LEASE_COLUMNS} FROM sm_leases l WHERE expires_at > clock_timestamp() AND ${HOLDER_ALIVE} AND starts_with(name, $1) ORDER BY name`,
      [prefix],
    );
    return rows.map(leaseOf);
  }

  async wake(wake: Wake): Promise<void> {
    await this.#pool.query('SELECT pg_notify($1, $2)', [WAKE_CHANNEL, JSON.stringify(wake)]);
  }

  onWake(listener: (wake: Wake) => void): () => void {
    this.#wakes.on('wake', listener);
    return () => this.#wakes.off('wake', listener);
  }

  async publishSubscription(s: SharedSubscription, lease: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `INSERT INTO sm_subscriptions (account_id, subscription_id, client_state_sealed, expires_at, notification_url, owner)
         SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (
           SELECT 1 FROM sm_leases WHERE name = $7 AND holder = $6 AND NOT released AND expires_at > clock_timestamp())
       ON CONFLICT (account_id) DO UPDATE SET subscription_id = $2, client_state_sealed = $3, expires_at = $4, notification_url = $5, owner = $6`,
      [s.accountId, s.subscriptionId, s.clientStateSealed, s.expiresAt, s.notificationUrl, s.owner, lease],
    );
    return rowCount === 1;
  }

  async subscriptions(): Promise<SharedSubscription[]> {
    type Row = {
      account_id: string;
      subscription_id: string;
      client_state_sealed: string;
      expires_at: string;
      notification_url: string;
      owner: string;
    };
    const { rows } = await this.#pool.query<Row>(
      'SELECT account_id, subscription_id, client_state_sealed, expires_at, notification_url, owner FROM sm_subscriptions',
    );
    return rows.map((r) => ({
      accountId: r.account_id,
      subscriptionId: r.subscription_id,
      clientStateSealed: r.client_state_sealed,
      expiresAt: r.expires_at,
      notificationUrl: r.notification_url,
      owner: r.owner,
    }));
  }

  async markSubscription(
    accountId: string,
    subscriptionId: string,
    change: 'removed' | 'renew-now',
  ): Promise<void> {
    const sql =
      change === 'removed'
        ? 'DELETE FROM sm_subscriptions WHERE account_id = $1 AND subscription_id = $2'
        : "UPDATE sm_subscriptions SET expires_at = '1970-01-01T00:00:00.000Z' WHERE account_id = $1 AND subscription_id = $2";
    await this.#pool.query(sql, [accountId, subscriptionId]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#listener?.close();
    await this.#pool.end();
  }

  /** The wakes of every instance; the listener opens itself again after a drop, and the sweep covers the gap. */
  async #listen(connectionString: string | undefined, applicationName: string): Promise<void> {
    this.#listener = new ReconnectingListener({
      connectionString,
      applicationName,
      channel: WAKE_CHANNEL,
      onPayload: (payload) => {
        try {
          const wake = JSON.parse(payload ?? '{}') as Partial<Wake>;
          if (typeof wake.accountId === 'string' && typeof wake.to === 'string')
            this.#wakes.emit('wake', {
              accountId: wake.accountId,
              to: wake.to,
              ...(wake.about === 'subscription' ? { about: wake.about } : {}),
            });
        } catch {
          // Not a wake of ours: ignore.
        }
      },
    });
    await this.#listener.start();
  }
}

function leaseOf(row: LeaseRow): Lease {
  return {
    name: row.name,
    holder: row.holder,
    fence: Number(row.fence),
    expiresAt: row.expires_at.toISOString(),
    ...(row.backlog === null ? {} : { backlog: row.backlog }),
  };
}
