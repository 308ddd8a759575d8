import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { startPrivatePostgres, type PrivatePostgres } from '../../support/postgres-server.js';
import { setUpFaultDesk, until, type FaultDesk } from './support/fault-desk.js';
import { kill, startInstance, type Instance } from './support/instances.js';

// PostgreSQL restarts under a running cluster: two API instances (real `npm run serve` processes) and one emulator
// on a PostgreSQL this test owns (the shared server is never stopped). Replies are being filed when the server goes
// down (a fast shutdown, then an immediate one that leaves crash recovery to the start); more arrive while it is
// down; it comes back a few seconds later. Each instance says `degraded` on /api/health while it is down (and 503 to
// a request that needs it) and `ok` after, keeps running (same process), and the engine resumes by itself: every
// reply ends as exactly one note, every after-step finished. Small by default; PG_RESTART_TEST_REPLIES and
// PG_RESTART_TEST_DOWN_MS make it longer.

const REPLIES = Number(process.env.PG_RESTART_TEST_REPLIES ?? 20);
/** How long the server stays down once every instance has seen it gone: the outage itself, not a wait. */
const DOWN_MS = Number(process.env.PG_RESTART_TEST_DOWN_MS ?? 3_000);

let server: PrivatePostgres;
let emulator: TestEmulator;
let desk: FaultDesk;
const instances: Instance[] = [];
let agentToken: string;

beforeAll(async () => {
  // No fallback to a shared server: stopping that would break everyone else's tests, so no private one, no test.
  server = await startPrivatePostgres();
  emulator = await startTestEmulator();
  desk = await setUpFaultDesk({ databaseUrl: server.url, emulator, requests: REPLIES });
  instances.push(...(await Promise.all(['node-1', 'node-2'].map((id) => startInstance(id, desk.env)))));
  await Promise.all(instances.map((i) => i.listening));
  const res = await emulator.control('POST', '/tokens/user', { upn: 'agent@contoso.test' });
  agentToken = ((await res.json()) as { access_token: string }).access_token;
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => kill(i)));
  await desk?.close().catch(() => undefined);
  await emulator?.close();
  await server?.remove();
});

type Health = { status: 'ok' | 'degraded'; checks: Array<{ name: string; ok: boolean }> };
async function health(instance: Instance): Promise<Health> {
  // An instance that died with the database fails the test with its last words, not a bare refused connection.
  const ended = instance.process.exitCode ?? instance.process.signalCode;
  if (ended !== null)
    throw new Error(
      `${instance.id} exited (${ended}) instead of riding out the outage:\n${instance.output.join('').slice(-3_000)}`,
    );
  return (
    await fetch(`http://127.0.0.1:${instance.port}/api/health`, { signal: AbortSignal.timeout(10_000) })
  ).json() as Promise<Health>;
}
const allSay = (status: Health['status']) => async () =>
  (await Promise.all(instances.map(health))).every((h) => h.status === status);

/** Sessions listening for notifications: pg_stat_activity shows a listening connection's last statement. */
const listening = () => desk.count("SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN %'");

const OUTAGES = ['fast', 'immediate'] as const;

it(`files ${REPLIES} replies exactly once across PostgreSQL restarts (${OUTAGES.join(', ')} shutdown), the instances reconnecting by themselves`, async () => {
  const started = Date.now();
  const pids = instances.map((i) => i.process.pid);
  expect(await listening()).toBe(2 * instances.length);
  const wave = Math.ceil(REPLIES / (2 * OUTAGES.length + 1));
  const outages: Array<Record<string, unknown>> = [];
  for (const mode of OUTAGES) {
    // Down while replies are being filed: once this wave's first note is in.
    const before = await desk.notes();
    await desk.deliver(wave);
    await until('the wave to start filing', async () => (await desk.notes()) > before, 30_000);
    const notesAtStop = await desk.notes();
    const stoppedAt = Date.now();
    await server.stop(mode);
    // Replies keep arriving while the database is gone; the engine cannot file them until it is back.
    await desk.deliver(wave);
    await until(`every instance to report degraded (${mode} shutdown)`, allSay('degraded'), 15_000);
    const degradedMs = Date.now() - stoppedAt;
    // A request that needs the database says so plainly, on every instance.
    for (const instance of instances) {
      const res = await fetch(`http://127.0.0.1:${instance.port}/api/requests`, {
        headers: { authorization: `Bearer ${agentToken}` },
        signal: AbortSignal.timeout(15_000),
      });
      expect({
        instance: instance.id,
        status: res.status,
        code: ((await res.json()) as { error?: { code?: string } }).error?.code,
      }).toEqual({ instance: instance.id, status: 503, code: 'service_unavailable' });
    }
    await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
    await server.start();
    const restartedAt = Date.now();
    await until(`every instance to report ok again (${mode} shutdown)`, allSay('ok'), 20_000);
    const okMs = Date.now() - restartedAt;
    // Each instance listens on two channels (the store's commits, the engine's wakes); both must be heard again,
    // or a commit on one instance no longer wakes the other's workers.
    await until(
      'every instance to listen again on both channels',
      async () => (await listening()) === 2 * instances.length,
      10_000,
    );
    // Nothing new arrives until then: the engine must come back to the replies it could not file on its own.
    await until(
      'the replies that arrived during the outage to be filed',
      async () => (await desk.notes()) >= desk.delivered(),
      30_000,
    );
    const resumedMs = Date.now() - restartedAt;
    outages.push({
      mode,
      notesAtStop,
      delivered: desk.delivered(),
      degradedMs,
      downMs: restartedAt - stoppedAt,
      okMs,
      resumedMs,
    });
  }
  await desk.deliver(REPLIES - desk.delivered());
  await desk.expectExactlyOnce(REPLIES);
  // The subscription leases lapsed while no renewal could be written: each is held again, by one instance.
  await until(
    'one owner per subscription',
    async () => (await desk.subscriptionOwnersProblem(instances)) === undefined,
    20_000,
  ).catch(() => undefined);
  expect(await desk.subscriptionOwnersProblem(instances)).toBeUndefined();
  // Reconnected, not restarted: the same processes are still serving.
  expect(instances.map((i) => i.process.exitCode ?? i.process.signalCode)).toEqual(instances.map(() => null));
  expect(instances.map((i) => i.process.pid)).toEqual(pids);
  console.log(
    JSON.stringify({
      test: 'cluster-pg-restart',
      replies: REPLIES,
      outages,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
}, 120_000);
