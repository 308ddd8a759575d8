import { spawn, type ChildProcess } from 'node:child_process';
import type { CpuQuota } from './cpu-quota.js';

// Busy neighbours for the cluster bench's smaller configuration (BENCH_CLUSTER_NEIGHBOURS=1). On this machine the
// instances share two cores, so one instance alone runs on an idle machine and three run on a busy one: each of the
// three then spends more CPU time per reply (shared caches and execution units; measured 15-24% more), which no
// cluster of separate hosts would pay. With neighbours, the one-instance run has beside it as many busy processes as
// the three-instance run has other instances, each under the same quota, so both configurations meet the same machine
// and the ratio measures the software. They allocate and serialise, as a Node process does, rather than spin.

const WORK = `
let kept = [];
for (;;) {
  kept.push(JSON.parse(JSON.stringify({ at: Date.now(), text: 'x'.repeat(200), list: [1, 2, 3] })));
  if (kept.length > 50000) kept = [];
}`;

export type Neighbours = { stop(): Promise<void> };

export function startNeighbours(count: number, quota: CpuQuota): Neighbours {
  const children: ChildProcess[] = [];
  for (let n = 0; n < count; n++) {
    const child = spawn(process.execPath, ['-e', WORK], { stdio: 'ignore' });
    children.push(child);
    quota.confine(`neighbour-${n}`, child.pid!);
  }
  return {
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
