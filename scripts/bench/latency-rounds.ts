import type { BenchStack } from './bench-stack.js';
import { replyMime } from './reply-mime.js';
import { waitForNotes } from './wait-for-notes.js';

/**
 * Rounds of `perRound` replies to as many new SRs, delivered at once by `deliver`; per reply, the time from its
 * delivery to its note (Infinity when none came within 30 s).
 */
export async function latencyRounds(
  stack: BenchStack,
  rounds: number,
  perRound: number,
  deliver: (mime: Buffer, requestId: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const ids = await stack.createRequests(perRound);
    const mimes = await Promise.all(
      ids.map((id) => replyMime(id, stack.runtime.services.ecIdKeyring, `Round ${round}: it works again.`)),
    );
    const delivered = new Map<number, number>();
    const waiting = waitForNotes(stack.runtime, ids, 30_000);
    await Promise.all(
      ids.map(async (id, i) => {
        await deliver(mimes[i] as Buffer, id);
        delivered.set(id, Date.now());
      }),
    );
    const filed = await waiting;
    for (const id of ids) {
      const at = filed.get(id);
      samples.push(at === undefined ? Number.POSITIVE_INFINITY : Math.max(0, at - (delivered.get(id) ?? 0)));
    }
  }
  return samples;
}
