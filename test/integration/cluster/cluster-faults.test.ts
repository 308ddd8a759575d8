import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAILBOXES, until, type FaultDesk } from './support/fault-desk.js';
import { killAndRestart, signal, type Instance } from './support/instances.js';
import { startProcessCluster, type ProcessCluster } from './support/process-cluster.js';

// Three API instances (real processes started as `npm run serve` starts them) on one PostgreSQL database and one
// emulator, three mailboxes. Replies arrive in waves while instances are SIGKILLed and restarted, each kill aimed at
// an instance holding a mailbox lease at that moment: every reply must end as exactly one note, nothing in the Mail
// Center, every after-step done. Then the holder of a mailbox's lease is frozen (SIGSTOP) past its lease: another
// instance takes over, and when the frozen one wakes nothing is written twice. Small by default (npm test);
// CLUSTER_TEST_REPLIES=300 CLUSTER_TEST_KILLS=10 is the full run.

const REPLIES = Number(process.env.CLUSTER_TEST_REPLIES ?? 45);
const KILLS = Number(process.env.CLUSTER_TEST_KILLS ?? 4);

let cluster: ProcessCluster;
let desk: FaultDesk;
let instances: Instance[];

beforeAll(async () => {
  cluster = await startProcessCluster({
    label: 'cluster_sync_faults',
    instanceIds: ['node-1', 'node-2', 'node-3'],
    requests: REPLIES + 6,
  });
  ({ desk, instances } = cluster);
}, 180_000);

afterAll(() => cluster?.close());

const notes = () => desk.notes();
const count = (sql: string) => desk.count(sql);

it(`files ${REPLIES} replies across 3 mailboxes exactly once while instances are SIGKILLed ${KILLS} times`, async () => {
  const started = Date.now();
  const wave = Math.ceil(REPLIES / (KILLS + 1));
  const kills: string[] = [];
  for (let round = 0; round <= KILLS; round++) {
    const before = await notes();
    await desk.deliver(Math.min(wave, REPLIES - desk.delivered()));
    if (round === KILLS) break;
    // Aim at work in progress: once this wave's first note is in, kill an instance holding a mailbox lease.
    await until('the wave to start filing', async () => (await notes()) > before, 60_000);
    const holders = new Set((await desk.liveMailboxLeases()).map((l) => l.holder));
    const victims = instances.filter((i) => holders.has(i.id));
    const pool = victims.length > 0 ? victims : instances;
    const victim = pool[Math.floor(Math.random() * pool.length)]!;
    await killAndRestart(victim, desk.env);
    // Evidence the kills landed mid-work: notes so far, and replies committed whose after-step had not been recorded.
    kills.push(
      `${victim.id}${victims.length > 0 ? ' (holder)' : ''} at ${await notes()} notes, ${await count("SELECT count(*) AS n FROM processed_messages WHERE after_step = 'pending'")} pending`,
    );
  }
  await desk.expectExactlyOnce(REPLIES);
  await Promise.all(instances.map((i) => i.listening));
  // Every mailbox's subscription has one owner, who says so on its /api/health, and whose is the published one.
  expect(await desk.subscriptionOwnersProblem(instances)).toBeUndefined();
  console.log(
    JSON.stringify({
      test: 'cluster-kill',
      replies: REPLIES,
      kills,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
}, 240_000);

it('replaces a frozen lease holder; when it wakes its writes are refused and nothing is written twice', async () => {
  const before = await notes();
  await desk.deliver(6, MAILBOXES[0]);
  let held: { name: string; holder: string; fence: number } | undefined;
  await until(
    'a mailbox lease to be held',
    async () => (held = (await desk.liveMailboxLeases())[0]) !== undefined,
    30_000,
  );
  const frozen = instances.find((i) => i.id === held!.holder)!;
  signal(frozen, 'SIGSTOP');
  const frozenAt = Date.now();
  try {
    await until(
      'another instance to take the lease over',
      async () => {
        const { rows } = await desk.db.query<{ holder: string; fence: string }>(
          'SELECT holder, fence FROM sm_leases WHERE name = $1',
          [held!.name],
        );
        return (
          rows[0] !== undefined && rows[0].holder !== held!.holder && Number(rows[0].fence) > held!.fence
        );
      },
      45_000,
    );
  } finally {
    signal(frozen, 'SIGCONT');
  }
  const takeoverMs = Date.now() - frozenAt;
  expect(takeoverMs).toBeLessThan(30_000 + 10_000); // the lease, plus a transaction the frozen one may have left open (ended after 10 s)
  await desk.expectExactlyOnce(before + 6);
  const refused = frozen.output
    .join('')
    .split('\n')
    .filter((line) => line.includes('LeaseLostError') || line.includes('lease lost')).length;
  console.log(
    JSON.stringify({ test: 'cluster-freeze', lease: held!.name, takeoverMs, refusedLogLines: refused }),
  );
}, 150_000);
