import type { Evaluation } from './evaluate.js';

// The bar of issue 4, checked on an evaluation: printed by eval-replies and asserted by the test.

export type TargetCheck = { target: string; ok: boolean; actual: string };

export function checkTargets(result: Evaluation): TargetCheck[] {
  const ours = result.ours;
  const bestPeer = Math.max(...Object.values(result.peers).map((p) => p.exact));
  const recall = ours.classification.recall;
  const planerMedian = result.peers.planer.msPerMessage.median;
  return [
    { target: 'exact >= 0.90', ok: ours.exact >= 0.9, actual: ours.exact.toFixed(3) },
    { target: 'exact >= best peer + 0.05', ok: ours.exact >= bestPeer + 0.05, actual: `${ours.exact.toFixed(3)} vs ${bestPeer.toFixed(3)}` },
    { target: 'overTrim <= 0.02', ok: ours.overTrim <= 0.02, actual: ours.overTrim.toFixed(3) },
    { target: 'no human case classified non-human', ok: ours.classification.humanAsNonHuman === 0, actual: String(ours.classification.humanAsNonHuman) },
    { target: 'bounce recall >= 0.98', ok: (recall['bounce'] ?? 1) >= 0.98, actual: String(recall['bounce'] ?? 'n/a') },
    { target: 'auto-reply recall >= 0.98', ok: (recall['auto-reply'] ?? 1) >= 0.98, actual: String(recall['auto-reply'] ?? 'n/a') },
    {
      target: 'median ms/message <= planer / 2',
      ok: ours.msPerMessage.median <= planerMedian / 2,
      actual: `${ours.msPerMessage.median.toFixed(4)} vs ${planerMedian.toFixed(4)}`,
    },
  ];
}
