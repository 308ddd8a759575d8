import { loadavg } from 'node:os';
import { unhonoured } from './backlog.js';
import type { Exchange } from './bench-stack.js';
import { BENCH_MAILBOXES, postgresCpu, startClusterBench, type ClusterBench } from './cluster-stack.js';
import { finished, round, until } from './cluster-run.js';
import type { CpuQuota } from './cpu-quota.js';
import { startNeighbours, type Neighbours } from './cpu-neighbours.js';
import { busyTimeline, cpuSeconds, runQueueWaitSeconds, waitForQuiet } from './process-cpu.js';
import { replyMime } from './reply-mime.js';

// The cluster bench's figure 1 (cluster.ts): a backlog worked by 1 or by 3 instances, with what limits the run.

// Graph's latency per request: at 100 ms the throttle allows 40 operations a second per mailbox; a slower Graph
// (BENCH_CLUSTER_LATENCY_MS) lowers that ceiling, to see whether one instance already reaches it.
export const LATENCY_MS = Number(process.env.BENCH_CLUSTER_LATENCY_MS ?? 100);
export const KNOBS = { maxConcurrentPerMailbox: 4, requestsPer10Min: 10_000, retryAfterSec: 2 };
/**
 * Replies each instance files before the run is measured (BENCH_CLUSTER_WARMUP), spread over the mailboxes: so one
 * instance and each of three are equally warm. A warm-up per mailbox gave each of three instances a third of what one
 * instance had, and they measured 8.4 ms of CPU per reply against 7.3 once each had as many (one instance: 7.1, 6.7).
 */
const WARM_UP_PER_INSTANCE = Number(process.env.BENCH_CLUSTER_WARMUP ?? 200);

/** Delivers one reply per SR, the mailboxes in turn. */
async function deliver(
  bench: Pick<ClusterBench, 'emulator' | 'keyring'>,
  requestIds: readonly number[],
  text: string,
): Promise<void> {
  for (const [i, id] of requestIds.entries()) {
    const desk = BENCH_MAILBOXES[i % BENCH_MAILBOXES.length]!;
    const res = await bench.emulator.control(
      'POST',
      `/mailboxes/${desk}/messages?folder=inbox`,
      await replyMime(id, bench.keyring, `${text} ${id}.`, desk),
      'message/rfc822',
    );
    if (res.status !== 201) throw new Error(`delivery failed: ${res.status}`);
  }
}

export async function backlogRun(
  caDir: string,
  instances: number,
  perMailbox: number,
  quota?: CpuQuota,
  neighbours = 0,
) {
  const total = perMailbox * BENCH_MAILBOXES.length;
  const warmPerMailbox = Math.ceil((WARM_UP_PER_INSTANCE * instances) / BENCH_MAILBOXES.length);
  const warm = warmPerMailbox * BENCH_MAILBOXES.length;
  const bench = await startClusterBench({
    caDir,
    instances,
    requests: warm + total,
    emulator: { latencyMs: LATENCY_MS, throttle: true, knobs: KNOBS },
    push: false,
    sweepSec: 3600,
    beforeStart: (stack) => deliver(stack, stack.requestIds.slice(0, warm), 'Warm-up reply'),
  });
  let busyNeighbours: Neighbours | undefined;
  try {
    for (const instance of bench.instances) quota?.confine(instance.id, instance.process.pid!);
    if (quota && neighbours > 0) busyNeighbours = startNeighbours(neighbours, quota);
    const pids = bench.instances.map((i) => i.process.pid);
    // Warm-up: each instance files about WARM_UP_PER_INSTANCE replies first, so the run measures instances that have
    // compiled their hot paths, as on a desk that has been up for a while (cold, each instance's first seconds cost
    // more, which three instances pay three times). Then the mailboxes go off, the backlog goes in, and they go on
    // together.
    const settled = await waitForQuiet(pids);
    await bench.switchMailboxes(true);
    await until(
      bench,
      `${warm} warm-up replies finished`,
      async () => (await finished(bench)) >= warm,
      600_000,
    );
    await bench.switchMailboxes(false);
    await deliver(bench, bench.requestIds.slice(warm), 'Backlog reply');
    const warmUp = await waitForQuiet(pids);
    await bench.emulator.clearExchanges();
    const loadBefore = loadavg()[0]!;
    const cpuBefore = bench.instances.map((i) => cpuSeconds(i.process.pid));
    const waitBefore = bench.instances.map((i) => runQueueWaitSeconds(i.process.pid));
    const benchCpuBefore = process.cpuUsage();
    const postgresBefore = await postgresCpu(bench);
    const started = Date.now();
    const busy = busyTimeline(pids);
    await bench.switchMailboxes(true);
    await until(
      bench,
      `${total} replies finished`,
      async () => (await finished(bench)) >= warm + total,
      Number(process.env.BENCH_CLUSTER_TIMEOUT_SEC ?? 1800) * 1000,
    );
    const seconds = (Date.now() - started) / 1000;
    const busyUntil = busy.stop();
    const instanceCpu = bench.instances.map((i, n) => cpuSeconds(i.process.pid) - cpuBefore[n]!);
    const instanceWaitPct = bench.instances.map((i, n) =>
      round(((runQueueWaitSeconds(i.process.pid) - waitBefore[n]!) / seconds) * 100, 0),
    );
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const postgresAfter = await postgresCpu(bench);
    const postgresSeconds = [...postgresAfter].reduce(
      (sum, [pid, cpu]) => sum + cpu - (postgresBefore.get(pid) ?? 0),
      0,
    );
    const loadAfter = loadavg()[0]!;
    const exchanges = await bench.emulator.exchanges();
    const graph = exchanges.filter((e) => e.path.startsWith('/v1.0/') && !e.batched);
    // What the throttle counts (each $batch step on its own) against what it allows: 4 in flight per mailbox.
    const operations = exchanges.filter(
      (e) => e.path.startsWith('/v1.0/') && !e.path.endsWith('/$batch'),
    ).length;
    const allowed = BENCH_MAILBOXES.length * (KNOBS.maxConcurrentPerMailbox / (LATENCY_MS / 1000));
    const notes = Number((await bench.db.query('SELECT count(*) AS n FROM notes')).rows[0]?.n) - warm;
    const xacts = await bench.db.query<{ committed: string; rolledBack: string }>(
      'SELECT xact_commit AS committed, xact_rollback AS "rolledBack" FROM pg_stat_database WHERE datname = current_database()',
    );
    const holders = await bench.db.query<{ holder: string; n: string }>(
      "SELECT holder, count(*) AS n FROM sm_leases WHERE name LIKE 'mailbox:%' GROUP BY holder",
    );
    return {
      instances,
      neighbours,
      replies: total,
      notes,
      seconds: round(seconds),
      repliesPerSecond: round(total / seconds),
      graphRequestsPerReply: round(graph.length / total, 3),
      graphOperationsPerSecond: round(operations / seconds),
      throttleAllowsOperationsPerSecond: allowed,
      throughputVsThrottle: round(operations / seconds / allowed, 3),
      throttled429: graph.filter((e) => e.status === 429).length,
      unhonoured429: unhonouredPerMailbox(exchanges),
      // When Graph was busy, from the moment the mailboxes were switched on: the time before the first request is
      // the instances noticing the switch; the rest is the backlog being worked.
      firstGraphAtSec: round((Math.min(...graph.map((e) => e.at)) - started) / 1000),
      lastGraphAtSec: round((Math.max(...graph.map((e) => e.at)) - started) / 1000),
      // 100 = one core busy the whole run: an instance near 100 is CPU-bound (Node runs its JavaScript on one core).
      instanceCpuPct: instanceCpu.map((cpu) => round((cpu / seconds) * 100, 0)),
      // Until when each instance was busy (at least half its peak CPU): well short of `seconds`, it ran out of work
      // while another still had some, and the spread is what the balance cost the run.
      instanceBusyUntilSec: busyUntil,
      // The main thread ready to run but waiting for a core, in % of the run: high means the machine, not the instance.
      instanceRunQueueWaitPct: instanceWaitPct,
      // CPU the instances spent per reply, all together: what a reply costs, whatever the machine's load.
      instanceCpuMsPerReply: round((instanceCpu.reduce((a, b) => a + b, 0) / total) * 1000, 1),
      // The PostgreSQL server processes serving the bench's database (a server on this machine only).
      postgresCpuPct: round((postgresSeconds / seconds) * 100, 0),
      benchProcessCpuPct: round(((benchCpu.user + benchCpu.system) / 1e6 / seconds) * 100, 0),
      loadAverage1m: { before: round(loadBefore), after: round(loadAfter) },
      // How long the instances took to finish starting (compiling, warming up) before the run began.
      warmUp: {
        repliesPerMailbox: warmPerMailbox,
        startSec: settled.quiet ? round(settled.ms / 1000) : 'never quiet',
        quietAfterSec: warmUp.quiet ? round(warmUp.ms / 1000) : 'never quiet',
      },
      lastMailboxHolders: Object.fromEntries(holders.rows.map((r) => [r.holder, Number(r.n)])),
      // On the bench's database since it was made, seeding included; rollbacks are mostly serialisation retries.
      transactions: {
        committed: Number(xacts.rows[0]?.committed),
        rolledBack: Number(xacts.rows[0]?.rolledBack),
      },
      // Under a quota: the share of 100 ms periods in which each instance used up its cores (near 100 = the quota was
      // the limit, as CPU-bound as an instance on a host of that size).
      quotaThrottledPct: quota
        ? bench.instances.map((i) => {
            const t = quota.throttled(i.id);
            return round((t.throttledPeriods / Math.max(1, t.periods)) * 100, 0);
          })
        : undefined,
    };
  } finally {
    await busyNeighbours?.stop();
    await bench.close();
    quota?.removeAll();
  }
}

/** The throttle and its Retry-After are per mailbox: a request to one mailbox inside another's window is honest. */
function unhonouredPerMailbox(exchanges: readonly Exchange[]): number {
  const byMailbox = new Map<string, Exchange[]>();
  for (const e of exchanges) {
    const mailbox = /^\/v1\.0\/users\/([^/]+)/.exec(e.path)?.[1]?.toLowerCase() ?? '';
    byMailbox.set(mailbox, [...(byMailbox.get(mailbox) ?? []), e]);
  }
  return [...byMailbox.values()].reduce(
    (sum, list) => sum + unhonoured(list, KNOBS.retryAfterSec * 1000, LATENCY_MS),
    0,
  );
}
