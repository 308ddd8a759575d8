// Scoring a produced reply against a corpus expectation, following shared/corpus/README.md:
//  - both sides: LF newlines, trailing whitespace per line and around the whole text removed (the expectations are
//    stored that way, and they disagree among themselves about trailing spaces inside lines);
//  - compare "ignore-whitespace": all whitespace removed before comparing;
//  - quotedKept: ">" lines dropped from both sides (and the blank runs that leaves collapsed), since this project
//    strips quoted history where the source keeps it;
//  - signatureStripped: the output may continue after the expected text with the signature block the source
//    removed ("output starts with the expected reply and what follows is the signature block").
// exact = equal after that; tokenF1 over words; overTrim = an expected word is missing; underTrim = the output has
// words the expectation does not (quoted history left in).

export type Expectation = {
  reply: string;
  signatureStripped?: boolean;
  quotedKept?: boolean;
  compare?: string;
};
export type ReplyScore = { exact: boolean; f1: number; overTrim: boolean; underTrim: boolean };

export function normaliseReply(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

function dropQuotedLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const SIGNATURE_OPENING = new RegExp(
  [
    '^[^\\p{L}\\p{N}]+$', // a rule: "--", "__", "—"
    '^.{1,3}$', // a lone mark some clients add (Gmail's "ᐧ")
    '^[-—–~/]{1,2}\\s*\\p{L}', // "-Abhishek", "—Ryan", "//Jef"
    '(?<![\\p{L}\\p{N}])(?:sent|envoy[ée]|gesendet|verzonden|verstuurd|enviado|inviato|skickat|sendt|lähetetty|wysłane|отправлено)(?![\\p{L}\\p{N}])',
    '^(?:get|von meinem|diese nachricht wurde|someone from|from my|\\(sent|<<sent|從我的|从我的)',
    '^(?:regards|best|cheers|thanks|thank you|sincerely|kind regards|warm regards|yours|mit freundlichen|viele grüße|gruß|grüße|cordialement|bien à vous|saludos|un saludo|saluti|cordiali saluti|groeten|met vriendelijke groet|hälsningar|med vänlig hälsning|hilsen|pozdrawiam|с уважением|ystävällisin terveisin)(?![\\p{L}\\p{N}])',
  ].join('|'),
  'iu',
);
const HISTORY_HINT =
  /^\s*>|\b(?:wrote|schrieb|a écrit|escribió|ha scritto)\s*:|^\s*(?:From|Von|De|Sent|Gesendet)\s*:|-{3,}\s*original message/im;

/** Whether `rest` (what follows the expected text) is a signature block: opens like one, short, no quoted history. */
export function isSignatureBlock(rest: string): boolean {
  const lines = rest
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0];
  if (!first) return true;
  return lines.length <= 40 && SIGNATURE_OPENING.test(first) && !HISTORY_HINT.test(rest);
}

function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function overlap(produced: readonly string[], expected: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of expected) counts.set(word, (counts.get(word) ?? 0) + 1);
  let matched = 0;
  for (const word of produced) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      matched++;
      counts.set(word, left - 1);
    }
  }
  return matched;
}

export function scoreReply(output: string, expectation: Expectation): ReplyScore {
  let produced = normaliseReply(output);
  let expected = normaliseReply(expectation.reply);
  if (expectation.quotedKept) {
    produced = dropQuotedLines(produced);
    expected = dropQuotedLines(expected);
  }
  const squash =
    expectation.compare === 'ignore-whitespace' ? (s: string) => s.replace(/\s+/gu, '') : (s: string) => s;
  let exact = squash(produced) === squash(expected);
  if (!exact && expectation.signatureStripped) {
    const rest = restAfterPrefix(produced, expected, expectation.compare === 'ignore-whitespace');
    if (rest !== undefined && isSignatureBlock(rest)) {
      exact = true;
      produced = expected;
    }
  }
  const producedWords = words(produced);
  const expectedWords = words(expected);
  const matched = overlap(producedWords, expectedWords);
  const precision =
    producedWords.length === 0 ? (expectedWords.length === 0 ? 1 : 0) : matched / producedWords.length;
  const recall = expectedWords.length === 0 ? 1 : matched / expectedWords.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { exact, f1, overTrim: recall < 1, underTrim: precision < 1 };
}

/** What `produced` has after `expected` when it starts with it (whitespace-insensitively if asked), else undefined. */
function restAfterPrefix(produced: string, expected: string, ignoreWhitespace: boolean): string | undefined {
  if (!ignoreWhitespace) {
    const rest = produced.startsWith(expected) ? produced.slice(expected.length) : undefined;
    return rest !== undefined && /^[ \t]*\n/.test(rest) ? rest : undefined;
  }
  const target = expected.replace(/\s+/gu, '');
  let matched = 0;
  let i = 0;
  for (; i < produced.length && matched < target.length; i++) {
    const char = produced.charAt(i);
    if (/\s/u.test(char)) continue;
    if (char !== target.charAt(matched)) return undefined;
    matched++;
  }
  const rest = produced.slice(i);
  return matched === target.length && /^[ \t]*\n/.test(rest) ? rest : undefined;
}
