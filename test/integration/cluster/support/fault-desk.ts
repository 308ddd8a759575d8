import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { expect } from 'vitest';
import { compose } from '../../../../api/src/compose.js';
import { parseConfig } from '../../../../api/src/config.js';
import type { EcIdKeyring } from '../../../../api/src/domain/ec-id.js';
import { ensureDemoMailAccount } from '../../../../api/src/services/demo/ensure-demo-mail-account.js';
import { apiEnvironment, DEMO_TENANT_ID } from '../../../../emulator/src/index.js';
import type { TestEmulator } from '../../../support/emulator.js';
import { seedRequests } from '../../mail/support/kill-rounds.js';
import { customerReply } from '../../mail/support/replies.js';

// What the cluster fault tests share: the settings every instance gets, the desk set up once before any instance
// starts, replies delivered to the emulator's mailboxes, and the exactly-once check read straight from the database.

export const MAILBOXES = ['support@contoso.test', 'admin@contoso.test', 'agent@contoso.test'];

export type FaultDesk = {
  env: Record<string, string>;
  accountIds: string[];
  db: pg.Pool;
  /** Replies to the next `count` SRs, spread over the mailboxes (or all to `mailbox`). */
  deliver(count: number, mailbox?: string): Promise<void>;
  /** Replies delivered so far. */
  delivered(): number;
  count(sql: string, params?: unknown[]): Promise<number>;
  notes(): Promise<number>;
  /** Mailbox leases held right now (not given back, not lapsed). */
  liveMailboxLeases(): Promise<Array<{ name: string; holder: string; fence: number }>>;
  /** Every reply one note, none twice, nothing in the Mail Center, every after-step finished and every reply read. */
  expectExactlyOnce(expected: number): Promise<void>;
  /**
   * Why the subscriptions are not each owned by exactly one of `instances` (per its /api/health leases, matching the
   * published owner), or undefined when they are.
   */
  subscriptionOwnersProblem(
    instances: ReadonlyArray<{ id: string; port: number }>,
  ): Promise<string | undefined>;
  /** Ends the pool and removes the shared DATA_DIR. */
  close(): Promise<void>;
};

/** Polls `check` every 50 ms until it holds; throws after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The settings every instance runs with, and the desk (SRs, one mail account per mailbox) set up in-process first. */
export async function setUpFaultDesk(options: {
  databaseUrl: string;
  emulator: TestEmulator;
  requests: number;
  env?: Record<string, string>;
}): Promise<FaultDesk> {
  const { emulator } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-faults-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    STORE: 'postgres',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    DATA_DIR: dataDir,
    SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...apiEnvironment(emulator),
    MAIL_SWEEP_INTERVAL_SEC: '5',
    MAIL_LEASE_TTL_SEC: '3',
    MAIL_LOOP_LIMIT_PER_HOUR: '10000',
    ...options.env,
  };
  const parsed = parseConfig({ ...env, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  // The desk is set up once, in-process (the EC_ID keyring in the database among it), before any instance.
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'cluster-test');
  const requestIds = await seedRequests(runtime.services, options.requests);
  const accountIds: string[] = [];
  for (const address of MAILBOXES) {
    const account = await ensureDemoMailAccount(runtime.services, {
      emailAddress: address,
      displayName: address,
      tenantId: DEMO_TENANT_ID,
      ...emulator.mailApp,
    });
    accountIds.push(account.id);
  }
  const keyring: EcIdKeyring = runtime.services.ecIdKeyring;
  await runtime.close();
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  // The tests may stop the server under this pool: a dropped idle connection is not a test failure.
  db.on('error', () => undefined);

  let delivered = 0;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  const notes = () => count("SELECT count(*) AS n FROM notes WHERE doc->>'source' = 'email'");
  const unread = async () => {
    let total = 0;
    for (const mailbox of MAILBOXES) {
      const res = await emulator.control('GET', `/mailboxes/${mailbox}/messages?folder=inbox`);
      total += ((await res.json()) as { value: Array<{ isRead: boolean }> }).value.filter(
        (m) => !m.isRead,
      ).length;
    }
    return total;
  };
  return {
    env,
    accountIds,
    db,
    count,
    notes,
    delivered: () => delivered,
    async deliver(n, mailbox) {
      for (let k = 0; k < n; k++, delivered++) {
        const i = delivered;
        const mime = await customerReply({
          requestId: requestIds[i]!,
          keyring,
          from: { name: `Customer ${i}`, address: `c${i}@fabrikam.test` },
          text: `Reply ${i}`,
        });
        const to = mailbox ?? MAILBOXES[i % MAILBOXES.length]!;
        const res = await emulator.control(
          'POST',
          `/mailboxes/${to}/messages?folder=inbox`,
          mime,
          'message/rfc822',
        );
        expect(res.status).toBe(201);
      }
    },
    async liveMailboxLeases() {
      const { rows } = await db.query<{ name: string; holder: string; fence: string }>(
        "SELECT name, holder, fence FROM sm_leases WHERE name LIKE 'mailbox:%' AND NOT released AND expires_at > clock_timestamp()",
      );
      return rows.map((r) => ({ ...r, fence: Number(r.fence) }));
    },
    async expectExactlyOnce(expected) {
      await until(`${expected} notes`, async () => (await notes()) >= expected, 90_000);
      await until(
        'every after-step finished and every reply read',
        async () =>
          (await count("SELECT count(*) AS n FROM processed_messages WHERE after_step <> 'finished'")) ===
            0 && (await unread()) === 0,
        60_000,
      );
      const duplicates = await db.query(
        "SELECT request_id, count(*) FROM notes WHERE doc->>'source' = 'email' GROUP BY request_id HAVING count(*) > 1",
      );
      expect(duplicates.rows).toEqual([]);
      expect(await notes()).toBe(expected);
      expect(await count('SELECT count(*) AS n FROM processed_messages')).toBe(expected);
      expect(await count('SELECT count(*) AS n FROM mail_center')).toBe(0);
    },
    async subscriptionOwnersProblem(instances) {
      const owned = new Map<string, string[]>();
      for (const instance of instances) {
        const health = (await (await fetch(`http://127.0.0.1:${instance.port}/api/health`)).json()) as {
          instance?: { id: string; leases: Array<{ name: string }> };
        };
        if (health.instance?.id !== instance.id)
          return `${instance.id}'s /api/health names ${health.instance?.id ?? 'no instance'}`;
        for (const lease of health.instance.leases.filter((l) => l.name.startsWith('subscription:')))
          owned.set(lease.name, [...(owned.get(lease.name) ?? []), instance.id]);
      }
      const problems = accountIds
        .map((id) => `subscription:${id}`)
        .filter((name) => owned.get(name)?.length !== 1)
        .map((name) => `${name} held by [${owned.get(name)?.join(', ') ?? ''}]`);
      const published = await db.query<{ account_id: string; owner: string }>(
        'SELECT account_id, owner FROM sm_subscriptions',
      );
      for (const row of published.rows) {
        const holders = owned.get(`subscription:${row.account_id}`) ?? [];
        if (holders.join() !== row.owner)
          problems.push(
            `subscription:${row.account_id} published by ${row.owner}, held by [${holders.join(', ')}]`,
          );
      }
      return problems.length > 0 ? problems.join('; ') : undefined;
    },
    async close() {
      await db.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
