import { allOf, alternation } from '../languages/vocabulary.js';
import { CJK, codes, MAX_PATTERN_LINE, SPACE } from './line-scan.js';
import { headerLabelKind } from './quote-patterns.js';

/** After an attribution's verb ("wrote: --"), and before its last word ("<a@b.c> wrote", '"Anna" schrieb'). */
const VERB_TRAIL = codes(' \t\u00a0\u202f:：-–—');
const WORD_BEFORE = codes(' \t\u00a0\u202f,>)"\'»”<');

// "On <date>, <name> wrote:" and its cousins. The verb usually closes the line; in some languages (de, no, nl Gmail)
// it sits before the name, and then the line must carry an address and end with a colon.
const WROTE_VERB_LIST = allOf('wrote');
const WROTE_VERBS = alternation(WROTE_VERB_LIST);
// The last word of each verb: a set lookup decides whether the line can end in one before the regex runs.
const VERB_LAST_WORDS = new Set(WROTE_VERB_LIST.map((verb) => lastWord(verb)));

function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && VERB_TRAIL.has(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !WORD_BEFORE.has(text.charCodeAt(start - 1)) && end - start < 24) start--;
  return text.slice(start, end).toLowerCase();
}

function endsWithVerbWord(text: string): boolean {
  const word = lastWord(text);
  if (VERB_LAST_WORDS.has(word)) return true;
  // CJK and Korean verbs are glued to the name: "Heggen <a@b.c>写道", "홍길동님이 작성"
  return CJK.test(word) && CJK_VERBS.some((verb) => word.endsWith(verb));
}
const CJK_VERBS = WROTE_VERB_LIST.filter((verb) => CJK.test(verb));
// Latin verbs stand apart from the name ("Bob wrote:"); CJK verbs follow it or the time directly ("10:15写道：").
const VERB_AT_END = new RegExp(
  `(?:(?:^|[\\s,>)"'»”])(?:${alternation(WROTE_VERB_LIST.filter((verb) => !CJK.test(verb)))})|(?:${alternation(CJK_VERBS)}))${SPACE}{0,3}[:：]?${SPACE}{0,3}[-–—]{0,8}${SPACE}*$`,
  'iu',
);
const VERB_INSIDE = new RegExp(`(?:^|[\\s,])(?:${WROTE_VERBS})[\\s:]`, 'iu');
/** Whether `text` ends with a colon (half or full width), spaces after it aside: /[:：][ \t\u00a0\u202f]*$/ read backwards. */
function endsWithColonMark(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0) {
    const code = text.charCodeAt(end);
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 0x202f) break;
    end--;
  }
  const last = text.charCodeAt(end);
  return last === 58 || last === 0xff1a;
}
// Only the end of a line can hold "... wrote:"; testing the tail keeps the long verb list cheap on long lines.
const VERB_TAIL = 48;
// Anchored on the "@" so the engine jumps between @ signs instead of trying every position.
const EMAIL = /(?<=[^\s<>()"'@])@[^\s<>()"'@.]{1,255}(?:\.[^\s<>()"'@.]{1,255}){0,8}\.[a-z]{2,}/iu;
// Zoho and some webmails frame the attribution in dashes: "---- On Mon, 12 Feb 2024 Desk wrote ----".
const OPENER = new RegExp(`^[ \\t>-]{0,8}(?:${alternation(allOf('attributionOpeners'))})\\s`, 'iu');
/** Whether `line` opens like an attribution in some language ("On", "Am", "Le", "W dniu" ...). */
export function hasAttributionOpener(line: string): boolean {
  return line.length <= MAX_PATTERN_LINE && OPENER.test(line);
}

const DATE_TIME = /\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/u;
// Gmail's older localised attribution: "2016-03-03 17:21 GMT+01:00 Some One <someone@example.com>:".
const GMAIL_ISO = /^[ \t>]{0,6}\d{4}-\d{2}-\d{2} \d{1,2}:\d{2} GMT[+-]\d{1,2}:\d{2}\b/;

/** Whether `text` (one line, or a few lines joined with spaces) is a reply attribution. */
export function isAttribution(text: string): boolean {
  if (text.length > MAX_PATTERN_LINE) return false;
  // Every form below ends with a colon or a "wrote" verb, or is Gmail's ISO form: prose that does none of these is
  // turned away by its last characters alone, before the scans of the whole text (this runs on every candidate line,
  // and on up to six lines joined while an attribution may be wrapping).
  const endsWithVerb = endsWithVerbWord(text);
  const endsWithColon = endsWithColonMark(text);
  if (!endsWithVerb && !endsWithColon && !GMAIL_ISO.test(text)) return false;
  // "<" first: most attributions bracket the address, and then the address pattern need not run.
  const hasEmail = text.includes('<') || (text.includes('@') && EMAIL.test(text));
  const hasDigit = /\d/.test(text);
  if (!hasEmail && !hasDigit) return false;
  if (hasDigit && GMAIL_ISO.test(text)) return true;
  if (endsWithVerb && VERB_AT_END.test(text.length > VERB_TAIL ? text.slice(-VERB_TAIL) : text)) return true;
  if (!endsWithColon) return false;
  // "Am 12.02.24 um 10:15 schrieb Service Desk:" (Thunderbird names no address when it has a display name)
  if (
    VERB_INSIDE.test(text) &&
    (hasEmail || (hasDigit && (OPENER.test(text) || /^[ \t>]{0,6}\d/.test(text))))
  )
    return true;
  // "ср, 30 апр. 2025 г. в 15:19, John Doe <doe@example.com>:" (Gmail ru), "26.06.2014, 14:41, "A" <a@b.c>:" (Yandex)
  return hasEmail && DATE_TIME.test(text) && !headerLabelKind(text);
}

/** A line that can begin a multi-line attribution: "On <date>, <name>" wrapped before "wrote:". */
function endsLikeSentence(line: string): boolean {
  let end = line.length - 1;
  while (end > 0 && (line.charCodeAt(end) === 32 || line.charCodeAt(end) === 9)) end--;
  const last = line.charAt(end);
  return (last === '.' || last === '!' || last === '?') && /\p{L}/u.test(line.charAt(end - 1));
}

export function startsAttribution(line: string): boolean {
  // A sentence ("On 3 occasions it failed.") is not an attribution; "... am Fr., 28." (a date) may be.
  if (line.length > MAX_PATTERN_LINE || endsLikeSentence(line)) return false;
  if (!/\d/.test(line)) return line.includes('@') && EMAIL.test(line);
  return OPENER.test(line) || (line.includes('@') && EMAIL.test(line)) || DATE_TIME.test(line);
}

/** "2013/7/20 sam via Discourse Meta <info@discourse.org>" right above quoted lines. */
export function isDatedSenderLine(line: string): boolean {
  return (
    line.length <= MAX_PATTERN_LINE &&
    line.includes('@') &&
    EMAIL.test(line) &&
    DATE_TIME.test(line) &&
    !headerLabelKind(line)
  );
}
