// Which SRs an email may belong to, for an agent to choose from (the Outlook add-in). Unlike the mail engine's
// matchers, which must never guess, suggestions rank every piece of evidence and show it in words; the agent decides.

export type SuggestionReasonCode =
  | 'marker-valid'
  | 'marker-damaged'
  | 'marker-foreign'
  | 'our-message-id'
  | 'conversation'
  | 'subject-number'
  | 'sender-open-sr'
  | 'subject-similar';

/** One piece of evidence pointing at one SR. `strength` (0..1) scales the weight; 1 when the signal is binary. */
export type SuggestionSignal = {
  requestId: number;
  code: SuggestionReasonCode;
  text: string;
  strength?: number;
};

export type RankedSuggestion = {
  requestId: number;
  score: number;
  reasons: { code: SuggestionReasonCode; text: string }[];
};

// A verified marker or our own Message-ID identify the SR; a damaged marker's surviving digits almost always do;
// the rest only narrow it down. Several weak signals together can still outrank one medium one.
export const SIGNAL_WEIGHTS: Readonly<Record<SuggestionReasonCode, number>> = {
  'marker-valid': 100,
  'our-message-id': 90,
  'marker-damaged': 70,
  'subject-number': 50,
  'marker-foreign': 40,
  conversation: 40,
  'sender-open-sr': 25,
  'subject-similar': 20,
};

export const MAX_SUGGESTIONS = 10;

export function rankSuggestions(
  signals: readonly SuggestionSignal[],
  limit = MAX_SUGGESTIONS,
): RankedSuggestion[] {
  const bySr = new Map<
    number,
    { score: number; reasons: Map<SuggestionReasonCode, { text: string; weight: number }> }
  >();
  for (const signal of signals) {
    const entry = bySr.get(signal.requestId) ?? { score: 0, reasons: new Map() };
    const weight = SIGNAL_WEIGHTS[signal.code] * Math.min(1, Math.max(0, signal.strength ?? 1));
    // The same kind of evidence twice (two copies of one marker) counts once, at its strongest.
    const previous = entry.reasons.get(signal.code);
    if (!previous || previous.weight < weight) {
      entry.score += weight - (previous?.weight ?? 0);
      entry.reasons.set(signal.code, { text: signal.text, weight });
    }
    bySr.set(signal.requestId, entry);
  }
  return [...bySr.entries()]
    .map(([requestId, entry]) => ({
      requestId,
      score: Math.round(entry.score),
      reasons: [...entry.reasons.entries()]
        .sort((a, b) => b[1].weight - a[1].weight)
        .map(([code, { text }]) => ({ code, text })),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.requestId - a.requestId)
    .slice(0, limit);
}
