// The cheap character tests the line patterns (quote-patterns.ts, attribution-patterns.ts, client-additions.ts) run
// before any regex: most lines of a long history are settled by one character code or one set lookup.

/** Callers only test lines up to this length, so no pattern's cost depends on hostile input. */
export const MAX_PATTERN_LINE = 400;

/** The characters of `chars` as char codes: the scans below test codes, not one-character strings. */
export function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
}

/** " ", tab, "(", "[" and "<": what stands around the first word of a line. */
export function isWordStop(code: number): boolean {
  return code === 32 || code === 9 || code === 40 || code === 91 || code === 60;
}

/** Where a line's text starts after its quote marks and indent ([ \t>]*). */
export function afterQuotePrefix(line: string): number {
  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 62) break;
    i++;
  }
  return i;
}

/**
 * Whether the first word of a line from `from` can be one of a set whose words start with `firstChars` (lower-cased):
 * one character read, where the word itself would be copied and lower-cased for every line.
 */
export function firstWordMayBeIn(line: string, from: number, firstChars: ReadonlySet<string>): boolean {
  let start = from;
  while (start < line.length && isWordStop(line.charCodeAt(start))) start++;
  const code = line.charCodeAt(start);
  // A surrogate's case is its pair's: let the full lookup decide.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return firstChars.has(line.charAt(start).toLowerCase().charAt(0));
}

export function firstCharacters(words: Iterable<string>): Set<string> {
  return new Set([...words].map((word) => word.charAt(0)));
}

/** The first word of a line from `from`, lower-cased (openers in brackets skipped): the key for several set lookups. */
export function firstWord(line: string, from = 0): string {
  let start = from;
  while (start < line.length && isWordStop(line.charCodeAt(start))) start++;
  let end = start;
  while (end < line.length && end - start < 40 && !isWordStop(line.charCodeAt(end))) end++;
  return line.slice(start, end).toLowerCase();
}

/** CJK and Korean script: verbs and footers glued to the name or the text before them. */
export const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** A space as the patterns mean it: no-break and narrow no-break spaces count (French typography). */
export const SPACE = '[ \\t\\u00a0\\u202f]';
