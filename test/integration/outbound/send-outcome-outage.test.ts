import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../../support/postgres-server.js';
import {
  addDefaultAccount,
  createSr,
  sentCopies,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// Graph takes an agent's email while the database is down, so its outcome cannot be recorded. It went out: answering
// the agent with an error, or recording it as failed, would have it sent again. It stays 'sending', and once the
// database is back and the recovery grace has passed, our Message-ID in Sent Items settles it as sent, once.
// On a PostgreSQL this test owns (the shared server is never stopped).

const MINUTE = 60_000;
/** Each Graph call takes this long, so the database is down well before Graph has the email. */
const GRAPH_LATENCY_MS = 2_500;

let server: PrivatePostgres;
let stack: OutboundStack;

beforeAll(async () => {
  server = await startPrivatePostgres();
  stack = await startOutboundStack({
    env: { STORE: 'postgres', DATABASE_URL: server.url, DATABASE_POOL_SIZE: '4' },
  });
  await addDefaultAccount(stack);
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await server?.remove();
});

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('answers "sending" for an email Graph took while the database was down, and records it once, sent once', async () => {
  const customer = 'outage@fabrikam.test';
  const sr = await createSr(stack, { requester: { name: 'Avery Outage', email: customer } });
  const db = new pg.Client({ connectionString: server.url });
  await db.connect();
  const status = async () =>
    (
      await db.query<{ status: string; id: string }>(
        "SELECT status, id FROM outbound_emails WHERE doc->>'subject' LIKE $1",
        [`%[${sr}]%`],
      )
    ).rows[0];

  await stack.emulator.control('POST', '/faults', { latencyMs: GRAPH_LATENCY_MS });
  const answered = stack
    .api()
    .post(`/api/requests/${sr}/emails`)
    .auth(stack.agent, { type: 'bearer' })
    .send({ templateId: 'reply-to-customer' })
    .then((res) => res);
  const claimed = await until('the email to be claimed', async () =>
    (await status())?.status === 'sending' ? await status() : undefined,
  );
  await db.end();
  await server.stop();
  // The premise: the database went down before Graph had the email (else this proves nothing).
  expect(await stack.mailbox(customer)).toEqual([]);

  const res = await answered;
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).toMatchObject({ outboundId: Number(claimed.id), status: 'sending' });
  await stack.waitForMail(customer, (m) => m.length === 1);

  await stack.emulator.control('POST', '/faults', { latencyMs: 0 });
  await server.start();
  // Past the recovery grace (the API's clock; the emulator keeps real time), the worker looks in Sent Items.
  const offset = 3 * MINUTE;
  stack.runtime.services.clock = () => new Date(Date.now() + offset);
  const record = await until('the email to be recorded as sent', async () => {
    stack.runtime.outbound.wake();
    await stack.runtime.outbound.idle();
    const email = await stack.runtime.services.store.read((tx) =>
      tx.collection('outboundEmails').get(Number(claimed.id)),
    );
    return email?.status === 'sent' ? email : undefined;
  });
  expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  expect(await sentCopies(stack, record.internetMessageId)).toBe(1);
  expect(await stack.mailbox(customer)).toHaveLength(1);
  const history = await stack
    .api()
    .get(`/api/requests/${sr}/history`)
    .auth(stack.agent, { type: 'bearer' })
    .expect(200);
  const kinds = (history.body.items as Array<{ kind: string; details?: { outboundId?: number } }>)
    .filter((h) => h.details?.outboundId === record.id)
    .map((h) => h.kind);
  expect(kinds).toEqual(['email-sent']);
}, 120_000);
