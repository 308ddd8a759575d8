import { unhonoured } from './backlog.js';
import { BENCH_MAILBOXES, startClusterBench, type ClusterBench } from './cluster-stack.js';
import { percentile } from './percentiles.js';
import { replyMime } from './reply-mime.js';
import { killAndRestart } from '../../test/integration/cluster/support/instances.js';

// `npm run bench -- --only=cluster`: several instances on one PostgreSQL database (docs/architecture.md §4, "Several
// instances"). Figure 1: a backlog of BENCH_CLUSTER_REPLIES replies per mailbox with Outlook throttling on, worked by
// 1 and then by 3 instances: throughput ratio, Graph requests per reply, unhonoured 429s. Figure 2: reply -> note with
// change notifications through a round-robin load balancer, 3 instances, one SIGKILLed and restarted mid-run.

const LATENCY_MS = 100;
const KNOBS = { maxConcurrentPerMailbox: 4, requestsPer10Min: 10_000, retryAfterSec: 2 };

export async function clusterBench(caDir: string, repliesPerMailbox: number, latencyReplies: number): Promise<Record<string, unknown>> {
  const one = await backlogRun(caDir, 1, repliesPerMailbox);
  const three = await backlogRun(caDir, 3, repliesPerMailbox);
  const ratio = round(three.repliesPerSecond / one.repliesPerSecond);
  const latency = await latencyRun(caDir, latencyReplies).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error), p99Ms: Number.NaN }));
  const graphPerReply = Math.max(one.graphRequestsPerReply, three.graphRequestsPerReply);
  const unhonoured429 = one.unhonoured429 + three.unhonoured429;
  return {
    figure: 'cluster',
    mailboxes: BENCH_MAILBOXES.length,
    repliesPerMailbox,
    throttle: KNOBS,
    emulatorLatencyMs: LATENCY_MS,
    oneInstance: one,
    threeInstances: three,
    throughputRatio: ratio,
    latency,
    target: { throughputRatio: 2.4, graphRequestsPerReply: 1.2, unhonoured429: 0, latencyP99Ms: 3_000 },
    met: ratio >= 2.4 && graphPerReply <= 1.2 && unhonoured429 === 0 && latency.p99Ms <= 3_000,
  };
}

async function backlogRun(caDir: string, instances: number, perMailbox: number) {
  const total = perMailbox * BENCH_MAILBOXES.length;
  const bench = await startClusterBench({
    caDir,
    instances,
    requests: total,
    emulator: { latencyMs: LATENCY_MS, throttle: true, knobs: KNOBS },
    push: false,
    sweepSec: 3600,
    beforeStart: async ({ emulator, keyring, requestIds }) => {
      for (const [i, id] of requestIds.entries()) {
        const res = await emulator.control('POST', `/mailboxes/${BENCH_MAILBOXES[i % BENCH_MAILBOXES.length]}/messages?folder=inbox`, await replyMime(id, keyring, `Backlog reply ${id}.`), 'message/rfc822');
        if (res.status !== 201) throw new Error(`delivery failed: ${res.status}`);
      }
    },
  });
  try {
    await bench.emulator.clearExchanges();
    const started = Date.now();
    await bench.enable();
    await until(bench, `${total} replies finished`, async () => (await finished(bench)) >= total, Number(process.env.BENCH_CLUSTER_TIMEOUT_SEC ?? 1800) * 1000);
    const seconds = (Date.now() - started) / 1000;
    const exchanges = await bench.emulator.exchanges();
    const graph = exchanges.filter((e) => e.path.startsWith('/v1.0/') && !e.batched);
    // What the throttle counts (each $batch step on its own) against what it allows: 4 in flight per mailbox.
    const operations = exchanges.filter((e) => e.path.startsWith('/v1.0/') && !e.path.endsWith('/$batch')).length;
    const allowed = BENCH_MAILBOXES.length * (KNOBS.maxConcurrentPerMailbox / (LATENCY_MS / 1000));
    const notes = Number((await bench.db.query('SELECT count(*) AS n FROM notes')).rows[0]?.n);
    const holders = await bench.db.query<{ holder: string; n: string }>("SELECT holder, count(*) AS n FROM sm_leases WHERE name LIKE 'mailbox:%' GROUP BY holder");
    return {
      instances,
      replies: total,
      notes,
      seconds: round(seconds),
      repliesPerSecond: round(total / seconds),
      graphRequestsPerReply: round(graph.length / total, 3),
      graphOperationsPerSecond: round(operations / seconds),
      throttleAllowsOperationsPerSecond: allowed,
      throughputVsThrottle: round(operations / seconds / allowed, 3),
      throttled429: graph.filter((e) => e.status === 429).length,
      unhonoured429: unhonoured(exchanges, KNOBS.retryAfterSec * 1000, LATENCY_MS),
      lastMailboxHolders: Object.fromEntries(holders.rows.map((r) => [r.holder, Number(r.n)])),
    };
  } finally {
    await bench.close();
  }
}

async function latencyRun(caDir: string, replies: number) {
  const bench = await startClusterBench({ caDir, instances: 3, requests: replies, emulator: { latencyMs: 20 }, push: true, sweepSec: 30 });
  try {
    await bench.enable();
    await until(bench, 'a subscription per mailbox', async () => Number((await bench.db.query('SELECT count(*) AS n FROM sm_subscriptions')).rows[0]?.n) === BENCH_MAILBOXES.length, 60_000);
    const sentAt = new Map<number, number>();
    let killed = '';
    for (const [i, id] of bench.requestIds.entries()) {
      if (i === Math.floor(replies / 2)) {
        const victim = bench.instances[i % bench.instances.length]!;
        killed = victim.id;
        await killAndRestart(victim, bench.env);
      }
      const mime = await replyMime(id, bench.keyring, `Reply ${id}.`);
      sentAt.set(id, Date.now());
      await bench.emulator.control('POST', `/mailboxes/${BENCH_MAILBOXES[i % BENCH_MAILBOXES.length]}/messages?folder=inbox`, mime, 'message/rfc822');
      // A reply every 250 ms: the figure is latency under a steady trickle, not a backlog.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await until(bench, `${replies} notes`, async () => Number((await bench.db.query('SELECT count(*) AS n FROM notes')).rows[0]?.n) >= replies, 120_000);
    const { rows } = await bench.db.query<{ request_id: string; created: string }>("SELECT request_id, doc->>'createdAt' AS created FROM notes");
    const latencies = rows.map((r) => Date.parse(r.created) - (sentAt.get(Number(r.request_id)) ?? Number.NaN)).filter(Number.isFinite);
    return { replies, instances: 3, killed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: Math.max(...latencies) };
  } finally {
    await bench.close();
  }
}

async function finished(bench: ClusterBench): Promise<number> {
  return Number((await bench.db.query("SELECT count(*) AS n FROM processed_messages WHERE after_step = 'finished'")).rows[0]?.n);
}

async function until(bench: ClusterBench, what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const tails = bench.instances.map((i) => `${i.id}: ${i.output.join('').slice(-2_000)}`).join('\n');
      throw new Error(`cluster bench: no ${what} after ${timeoutMs / 1000} s (${bench.instances.length} instances)\n${tails}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
