import type { Runtime } from '../../api/src/compose.js';
import { startBenchStack } from './bench-stack.js';
import { percentile } from './percentiles.js';
import { latencyRounds } from './latency-rounds.js';

// Figure 1: reply delivered -> note visible, with change notifications, emulator latency 0, 20 replies to 20 SRs
// delivered at once; several rounds for a p99 worth the name. Target p50 <= 1 s, p99 <= 3 s.
export async function notificationLatency(
  caDir: string,
  rounds = 5,
  perRound = 20,
): Promise<Record<string, unknown>> {
  const stack = await startBenchStack({
    caDir,
    emulator: { latencyMs: 0 },
    env: { MAIL_SWEEP_INTERVAL_SEC: '3600' },
    notifications: true,
  });
  try {
    await stack.addAccount();
    await waitForSubscription(stack.runtime);
    const samples = await latencyRounds(stack, rounds, perRound, (mime) => stack.deliver(mime));
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    return {
      figure: 'reply-to-note-with-notifications',
      replies: samples.length,
      concurrent: perRound,
      emulatorLatencyMs: 0,
      p50Ms: p50,
      p99Ms: p99,
      maxMs: Math.max(...samples),
      target: { p50Ms: 1000, p99Ms: 3000 },
      met: p50 <= 1000 && p99 <= 3000,
    };
  } finally {
    await stack.close();
  }
}

async function waitForSubscription(runtime: Runtime): Promise<void> {
  const accounts = await runtime.services.store.read((tx) => tx.collection('mailAccounts').all());
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const health = await runtime.mail.health(accounts[0]?.id ?? '');
    if (health.subscription.state === 'active') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('No subscription became active: notifications cannot be measured.');
}
