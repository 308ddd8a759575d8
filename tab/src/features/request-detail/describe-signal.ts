// How the mail engine tied an email to this SR, in words an agent can judge. The engine records a short
// code per matcher (docs/architecture.md §4); unknown codes are shown as they are rather than guessed at.
const SIGNALS: { pattern: RegExp; text: string }[] = [
  { pattern: /ec[-_]?id|marker|token/i, text: 'the reply marker (#EC_ID#) in the email' },
  {
    pattern: /message[-_]?id|in[-_]?reply[-_]?to|references|header/i,
    text: 'our Message-ID in the reply headers',
  },
  { pattern: /conversation|thread/i, text: 'the email conversation' },
  { pattern: /subject|sr[-_]?number/i, text: 'the SR number in the subject' },
  { pattern: /manual|agent|addin|add-in|mail[-_]?center/i, text: 'an agent, by hand' },
];

export function describeSignal(signal: string): string {
  const known = SIGNALS.find((s) => s.pattern.test(signal));
  return known ? `Matched by ${known.text}` : `Matched by: ${signal}`;
}
