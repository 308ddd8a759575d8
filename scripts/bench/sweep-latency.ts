import { startBenchStack } from './bench-stack.js';
import { percentile } from './percentiles.js';
import { replyMime } from './reply-mime.js';
import { waitForNotes } from './wait-for-notes.js';

// Figure 2: notifications lost (no subscription at all), so the sweep alone finds replies. Replies arrive at random
// moments of the sweep cycle; target: every one within the sweep interval + 1 s.
export async function sweepLatency(
  caDir: string,
  sweepSec = 10,
  replies = 12,
): Promise<Record<string, unknown>> {
  const stack = await startBenchStack({
    caDir,
    emulator: { latencyMs: 0 },
    env: { MAIL_SWEEP_INTERVAL_SEC: String(sweepSec) },
    notifications: false,
  });
  try {
    await stack.addAccount();
    const ids = await stack.createRequests(replies);
    const delivered = new Map<number, number>();
    const waiting = waitForNotes(stack.runtime, ids, (sweepSec * 3 + 10) * 1000);
    for (const id of ids) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ((sweepSec * 2000) / replies)));
      await stack.deliver(await replyMime(id, stack.runtime.services.ecIdKeyring, 'Sweep me up.'));
      delivered.set(id, Date.now());
    }
    const filed = await waiting;
    const samples = ids.map((id) => (filed.get(id) ?? Number.POSITIVE_INFINITY) - (delivered.get(id) ?? 0));
    const max = Math.max(...samples);
    return {
      figure: 'reply-to-note-notifications-lost',
      replies,
      sweepIntervalMs: sweepSec * 1000,
      p50Ms: percentile(samples, 50),
      maxMs: max,
      target: { maxMs: sweepSec * 1000 + 1000 },
      met: max <= sweepSec * 1000 + 1000,
    };
  } finally {
    await stack.close();
  }
}
