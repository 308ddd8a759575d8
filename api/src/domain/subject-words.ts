// Subject similarity for suggestions: customers retype or shorten subjects ("Re: printer still jamming" for
// "Printer on the 3rd floor keeps jamming"), so compare the words that carry meaning, not the strings.

const PREFIXES =
  /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|tr|rv|antw|odp|ynt|r|i)\s*(?:\[\d+\])?\s*:\s*|\[(?:external|extern|ext)\]\s*)+/i;
const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'this',
  'that',
  'your',
  'our',
  'you',
  'are',
  'was',
  'has',
  'have',
  'not',
  'but',
  'can',
  'still',
  'again',
  'please',
  'thanks',
  'request',
  'service',
]);

export function subjectWords(subject: string): Set<string> {
  const text = subject
    .replace(PREFIXES, '')
    .replace(/\[?SR-?\d{1,9}\]?/gi, ' ')
    .normalize('NFKC')
    .toLowerCase();
  return new Set(
    (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)).map(stem),
  );
}

/** Cheap plural/tense folding so "jams", "jammed" and "jamming" meet. */
function stem(word: string): string {
  const bare = word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/, '') : word.replace(/s$/, '');
  return bare.replace(/([b-df-hj-np-tv-z])\1$/, '$1') || word;
}

/**
 * Share of the smaller word set found in the other (0..1): a shortened subject still scores high. One shared word
 * ("printer") says little, so at least two must match.
 */
export function subjectSimilarity(a: string, b: string): number {
  const left = subjectWords(a);
  const right = subjectWords(b);
  const smaller = left.size <= right.size ? left : right;
  const larger = smaller === left ? right : left;
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const word of smaller) if (larger.has(word)) shared++;
  return shared < 2 ? 0 : shared / smaller.size;
}

/** SR numbers written in a subject: "[SR-000123]", "SR-123", "sr123". */
export function subjectSrIds(subject: string): number[] {
  const ids = [...subject.matchAll(/\bSR-?0*(\d{1,9})\b(?!-[0-9A-Z])/gi)]
    .map((m) => Number(m[1]))
    .filter((id) => id > 0);
  return [...new Set(ids)];
}
