import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../../../api/src/domain/secret-box.js';
import type { EncryptedSecret } from '../../../api/src/domain/mail-account.js';
import { until, type FaultDesk } from './support/fault-desk.js';
import type { Instance } from './support/instances.js';
import { startProcessCluster, type ProcessCluster } from './support/process-cluster.js';

// Behind a load balancer a subscription's lifecycle event (docs/graph-behaviour.md §6) may reach an instance that
// does not own the subscription. The owner is woken to act on it at once: here Graph says the subscription was
// removed, the report reaches the other instance, and the owner has made and published a new one long before its
// next sweep (set to two minutes, so only the forwarded wake can explain it).

const SWEEP_SEC = 120;

let cluster: ProcessCluster;
let desk: FaultDesk;
let instances: Instance[];

beforeAll(async () => {
  cluster = await startProcessCluster({
    label: 'cluster_lifecycle',
    instanceIds: ['node-1', 'node-2'],
    requests: 1,
    env: { MAIL_SWEEP_INTERVAL_SEC: String(SWEEP_SEC) },
  });
  ({ desk, instances } = cluster);
}, 120_000);

afterAll(() => cluster?.close());

type Published = { subscription_id: string; client_state_sealed: string; owner: string };
const published = async (accountId: string) =>
  (
    await desk.db.query<Published>(
      'SELECT subscription_id, client_state_sealed, owner FROM sm_subscriptions WHERE account_id = $1',
      [accountId],
    )
  ).rows[0];

it("wakes a subscription's owner when its lifecycle event reaches another instance", async () => {
  const accountId = desk.accountIds[0]!;
  await until(
    'the subscription to be published',
    async () => (await published(accountId)) !== undefined,
    30_000,
  );
  const before = (await published(accountId))!;
  const other = instances.find((i) => i.id !== before.owner)!;
  const clientState = createSecretBox(Buffer.from(desk.env['SECRET_KEY']!, 'base64')).open(
    JSON.parse(before.client_state_sealed) as EncryptedSecret,
  );
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${other.port}/api/graph/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      value: [{ subscriptionId: before.subscription_id, clientState, lifecycleEvent: 'subscriptionRemoved' }],
    }),
  });
  expect(res.status).toBe(202);
  await until(
    'the owner to publish a new subscription',
    async () => {
      const now = await published(accountId);
      return now !== undefined && now.subscription_id !== before.subscription_id;
    },
    15_000,
  );
  expect((await published(accountId))?.owner).toBe(before.owner);
  expect(Date.now() - started).toBeLessThan(SWEEP_SEC * 1000);
}, 60_000);
