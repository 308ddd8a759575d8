import type { ClusterBench } from './cluster-stack.js';

// Small helpers the cluster bench's runs share.

/** Replies whose after-step is done and recorded: the bench's count of work finished. */
export async function finished(bench: ClusterBench): Promise<number> {
  return Number(
    (await bench.db.query("SELECT count(*) AS n FROM processed_messages WHERE after_step = 'finished'"))
      .rows[0]?.n,
  );
}

/** Polls `check` until it holds, or fails after `timeoutMs` with the tail of each instance's output. */
export async function until(
  bench: ClusterBench,
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const tails = bench.instances.map((i) => `${i.id}: ${i.output.join('').slice(-2_000)}`).join('\n');
      throw new Error(
        `cluster bench: no ${what} after ${timeoutMs / 1000} s (${bench.instances.length} instances)\n${tails}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
