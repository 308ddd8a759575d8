import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCertificates } from '../../emulator/src/certs/ensure-certificates.js';

// `npm run bench`: the mail engine's three performance figures (issue 5) against in-process emulators, one JSON line
// each. Node reads NODE_EXTRA_CA_CERTS only at start, so the script re-runs itself trusting the emulator's CA.
// Options: --only=latency|sweep|backlog|imap-latency|imap-backlog|extract|store (scripts/bench/store.ts)|live (change -> live screen event)
// |blobs (attachment put/open, file vs Azure on Azurite)|lowdb-size (lowdb commit time against file size),
// |cluster (several instances on PostgreSQL: BENCH_CLUSTER_MAILBOXES, default 10; BENCH_CLUSTER_REPLIES per mailbox, default 40, 200 for
// the README figure; BENCH_CLUSTER_LATENCY_MS, Graph's latency, default 100; BENCH_CLUSTER_LATENCY_REPLIES, default 30;
// BENCH_CLUSTER_CPU_PER_INSTANCE: cores each instance may use, through a cgroup of its own, as if on a host of its own;
// BENCH_CLUSTER_NEIGHBOURS=1, two busy processes under that quota beside each one-instance run;
// BENCH_CLUSTER_ROUNDS, turns of one and of three instances whose medians are the figure, default 3),
// BENCH_BACKLOG=<replies> (default 2000),
// BENCH_SWEEP_SEC (default 10), BENCH_STORE=lowdb|memory|postgres (default lowdb, what a deployment runs; postgres:
// DATABASE_URL's server or 127.0.0.1:5432, in a database the bench makes and drops),
// BENCH_IMAP_BACKLOG=<replies> (default 500), BENCH_BLOB_MB / BENCH_BLOB_ROUNDS (blobs: 5 MB, 10 rounds). The IMAP figures need Dovecot and Postfix (and root, for Postfix).

const caDir = join(process.cwd(), '.data', 'bench-ca');
const { caCertFile } = ensureCertificates(caDir);
if (process.env.NODE_EXTRA_CA_CERTS !== caCertFile) {
  const result = spawnSync(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertFile },
  });
  process.exit(result.status ?? 1);
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const { notificationLatency } = await import('./notification-latency.js');
const { sweepLatency } = await import('./sweep-latency.js');
const { backlog } = await import('./backlog.js');
const { imapBacklog, imapIdleLatency } = await import('./imap.js');
const { extractScaling } = await import('./extract-scaling.js');
const { storeBench } = await import('./store.js');
const { liveLatency } = await import('./live-latency.js');
const { blobBench } = await import('./blobs.js');
const { lowdbSizeBench } = await import('./lowdb-size.js');
const benchStore = () =>
  ['memory', 'postgres'].includes(process.env.BENCH_STORE ?? '')
    ? (process.env.BENCH_STORE as 'memory' | 'postgres')
    : 'lowdb';
const { clusterBench } = await import('./cluster.js');
const figures: Array<[string, () => Promise<Record<string, unknown>>]> = [
  ['latency', () => notificationLatency(caDir)],
  ['sweep', () => sweepLatency(caDir, Number(process.env.BENCH_SWEEP_SEC ?? 10))],
  ['backlog', () => backlog(caDir, Number(process.env.BENCH_BACKLOG ?? 2_000), benchStore())],
  ['imap-latency', () => imapIdleLatency(caDir)],
  ['imap-backlog', () => imapBacklog(caDir, Number(process.env.BENCH_IMAP_BACKLOG ?? 500))],
  ['extract', async () => extractScaling()],
  [
    'store',
    () =>
      storeBench(
        benchStore() === 'postgres' ? 'postgres' : 'lowdb',
        Number(process.env.BENCH_STORE_SRS ?? 10_000),
        Number(process.env.BENCH_STORE_NOTES_PER_SR ?? 10),
      ),
  ],
  ['live', () => liveLatency(caDir)],
  [
    'blobs',
    () => blobBench(Number(process.env.BENCH_BLOB_MB ?? 5), Number(process.env.BENCH_BLOB_ROUNDS ?? 10)),
  ],
  ['lowdb-size', () => lowdbSizeBench()],
  [
    'cluster',
    () =>
      clusterBench(
        caDir,
        Number(process.env.BENCH_CLUSTER_REPLIES ?? 40),
        Number(process.env.BENCH_CLUSTER_LATENCY_REPLIES ?? 30),
      ),
  ],
];
let failed = false;
for (const [name, run] of figures) {
  if (only && only !== name) continue;
  try {
    console.log(JSON.stringify({ at: new Date().toISOString(), ...(await run()) }));
  } catch (error) {
    failed = true;
    console.log(
      JSON.stringify({ figure: name, error: error instanceof Error ? error.message : String(error) }),
    );
  }
}
process.exit(failed ? 1 : 0);
