import type { ReplyScore } from './compare.js';

// Aggregates of one tool's runs over a set of cases: exact share, token F1, over- and under-trim, time per message;
// and the classification confusion matrix.

export type ExtractionStats = {
  cases: number;
  exact: number;
  tokenF1: number;
  overTrim: number;
  underTrim: number;
  msPerMessage: { median: number; p95: number };
};
export type Confusion = Record<string, Record<string, number>>;
export type ClassificationStats = {
  confusion: Confusion;
  recall: Record<string, number>;
  humanAsNonHuman: number;
};

/** One tool's outcome on one case: its score and its time for the message. */
export type ToolRun = { score: ReplyScore; ms: number };

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const round = (value: number, digits = 4) => Number(value.toFixed(digits));

export function extractionStats(runs: readonly ToolRun[]): ExtractionStats {
  const share = (pick: (s: ReplyScore) => boolean) =>
    runs.length ? runs.filter((r) => pick(r.score)).length / runs.length : 0;
  const times = runs.map((r) => r.ms);
  return {
    cases: runs.length,
    exact: round(share((s) => s.exact)),
    tokenF1: round(runs.length ? runs.reduce((sum, r) => sum + r.score.f1, 0) / runs.length : 0),
    overTrim: round(share((s) => s.overTrim)),
    underTrim: round(share((s) => s.underTrim)),
    msPerMessage: { median: round(median(times)), p95: round(percentile(times, 95)) },
  };
}

export function classificationStats(
  pairs: readonly { expected: string; predicted: string }[],
): ClassificationStats {
  const confusion: Confusion = {};
  for (const { expected, predicted } of pairs) {
    const row = (confusion[expected] ??= { human: 0, 'auto-reply': 0, bounce: 0 });
    row[predicted] = (row[predicted] ?? 0) + 1;
  }
  const recall: Record<string, number> = {};
  for (const [klass, row] of Object.entries(confusion)) {
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    recall[klass] = round(total ? (row[klass] ?? 0) / total : 0);
  }
  const human = confusion['human'] ?? {};
  const humanAsNonHuman = Object.entries(human)
    .filter(([k]) => k !== 'human')
    .reduce((sum, [, n]) => sum + n, 0);
  return { confusion, recall, humanAsNonHuman };
}
