import { allOf, alternation, HEADER_LABELS, type HeaderLabelKind } from '../languages/vocabulary.js';

// What quoted history, signatures and tenant banners look like, line by line, in the languages our customers write.
// The words come from the language table (../languages: header labels, attributions, separators, device footers as
// the clients localise them); the shapes around them (dashes, colons, dates, addresses) are here. Every pattern is
// linear: no nested quantifiers over overlapping classes, and callers only test lines of bounded length
// (MAX_PATTERN_LINE), so hostile input cannot make them slow.

export const MAX_PATTERN_LINE = 400;

/** The characters of `chars` as char codes: the scans below test codes, not one-character strings. */
function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
}
/** Around a header label: "> *From:*", "From :" (French spacing), "**Von**:". */
const LABEL_LEAD = codes(' \t>*_');
const LABEL_TRAIL = codes(' \t\u00a0\u202f*_');
/** After an attribution's verb ("wrote: --"), and before its last word ("<a@b.c> wrote", '"Anna" schrieb'). */
const VERB_TRAIL = codes(' \t\u00a0\u202f:：-–—');
const WORD_BEFORE = codes(' \t\u00a0\u202f,>)"\'»”<');

/** " ", tab, "(", "[" and "<": what stands around the first word of a line. */
function isWordStop(code: number): boolean {
  return code === 32 || code === 9 || code === 40 || code === 91 || code === 60;
}

/** Where a line's text starts after its quote marks and indent ([ \t>]*). */
function afterQuotePrefix(line: string): number {
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
function firstWordMayBeIn(line: string, from: number, firstChars: ReadonlySet<string>): boolean {
  let start = from;
  while (start < line.length && isWordStop(line.charCodeAt(start))) start++;
  const code = line.charCodeAt(start);
  // A surrogate's case is its pair's: let the full lookup decide.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return firstChars.has(line.charAt(start).toLowerCase().charAt(0));
}

function firstCharacters(words: Iterable<string>): Set<string> {
  return new Set([...words].map((word) => word.charAt(0)));
}

/** The first word of a line from `from`, lower-cased (openers in brackets skipped): the key for several set lookups. */
function firstWord(line: string, from = 0): string {
  let start = from;
  while (start < line.length && isWordStop(line.charCodeAt(start))) start++;
  let end = start;
  while (end < line.length && end - start < 40 && !isWordStop(line.charCodeAt(end))) end++;
  return line.slice(start, end).toLowerCase();
}

export type { HeaderLabelKind } from '../languages/vocabulary.js';

const LABEL_COLON_WITHIN = 40;

/**
 * The kind of header field a line starts with ("Von: ..." is 'from'), or undefined. "*From:*" (html rendered to
 * markdown), "From :" (French spacing), "> From:" and full-width colons count. A table lookup, not a regex: it runs
 * on every line that has a colon.
 */
export function headerLabelKind(line: string): HeaderLabelKind | undefined {
  if (line.length > MAX_PATTERN_LINE) return undefined;
  let colon = line.indexOf(':');
  if (colon < 0 || colon > LABEL_COLON_WITHIN) colon = line.indexOf('：');
  if (colon < 0 || colon > LABEL_COLON_WITHIN) return undefined;
  let start = 0;
  let end = colon;
  while (start < end && LABEL_LEAD.has(line.charCodeAt(start))) start++;
  while (end > start && LABEL_TRAIL.has(line.charCodeAt(end - 1))) end--;
  if (end - start > 24) return undefined;
  const label = line.slice(start, end).toLowerCase();
  return HEADER_LABELS.get(/\s\s|[\t\u00a0]/.test(label) ? label.replace(/\s+/g, ' ') : label);
}

const SEPARATOR_PHRASES = alternation([...allOf('originalMessage'), ...allOf('forwardedMessage')]);
const DASHED_SEPARATOR = new RegExp(
  `^[ \\t>]{0,6}[*_]{0,2}[ \\t]{0,3}[-=]{2,40}[ \\t]{0,3}(?:${SEPARATOR_PHRASES})[ \\t]{0,3}[-=]{2,40}[ \\t]{0,3}[*_]{0,2}[ \\t]*$`,
  'iu',
);
const FORWARD_INTROS = allOf('forwardIntro');
const FORWARD_INTRO = new RegExp(
  `^[ \\t>]{0,6}(?:${alternation(FORWARD_INTROS)})[ \\t]{0,3}[:：]?[ \\t]*$`,
  'iu',
);
const FORWARD_INTRO_FIRST_WORDS = new Set(FORWARD_INTROS.map((intro) => firstWord(intro)));
const FORWARD_INTRO_FIRST_CHARACTERS = firstCharacters(FORWARD_INTRO_FIRST_WORDS);

/** "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded message:" in many languages. */
export function isHistorySeparator(line: string): boolean {
  if (line.length > MAX_PATTERN_LINE) return false;
  if ((line.includes('--') || line.includes('==')) && DASHED_SEPARATOR.test(line)) return true;
  // "Begin forwarded message:" and its translations end with a colon (some clients drop it, hence the length cap).
  if (line.length >= 80) return false;
  const from = afterQuotePrefix(line);
  return (
    firstWordMayBeIn(line, from, FORWARD_INTRO_FIRST_CHARACTERS) &&
    FORWARD_INTRO_FIRST_WORDS.has(firstWord(line, from)) &&
    FORWARD_INTRO.test(line)
  );
}

/** What both caption patterns start with, as a char test: at most six of [ \t>], then two of [-=]. */
function opensWithRule(line: string): boolean {
  const at = afterQuotePrefix(line);
  return at <= 6 && isRuleCharacter(line.charCodeAt(at)) && isRuleCharacter(line.charCodeAt(at + 1));
}

function isRuleCharacter(code: number): boolean {
  return code === 45 || code === 61;
}

// A caption between rules, as clients head a forwarded or original message in words of their own: "-------- Välitetty
// viesti / Fwd.Msg --------", "----- Message transmis ----- De : ..." (Yahoo runs the header fields on in the same line).
const RULED_CAPTION = /^[ \t>]{0,6}[-=]{2,40}[^\n]{1,120}?[-=]{2,40}[ \t]*$/u;
const RULED_CAPTION_THEN_TEXT = /^[ \t>]{0,6}[-=]{2,40}[ \t]*[^-=\n]{1,80}?[ \t]*[-=]{2,40}[ \t]+(\S.*)$/u;

/**
 * A line that may head a message: letters between two rules. Returns what follows the closing rule on the same line
 * ('' when nothing), or undefined. Callers confirm it with the header fields that must follow.
 */
export function ruledCaption(line: string): string | undefined {
  if (line.length > MAX_PATTERN_LINE || !opensWithRule(line) || !/\p{L}/u.test(line)) return undefined;
  if (RULED_CAPTION.test(line)) return '';
  return RULED_CAPTION_THEN_TEXT.exec(line)?.[1];
}

const FORWARD_PHRASE = new RegExp(
  alternation([...allOf('forwardedMessage'), ...allOf('forwardIntro')]),
  'iu',
);

/** A separator that introduces a forwarded message, not a quoted one ("---------- Forwarded message ---------"). */
export function isForwardSeparator(line: string): boolean {
  return isHistorySeparator(line) && FORWARD_PHRASE.test(line);
}

/** Whether a line names a forward in some language ("Forwarded", "Weitergeleitet", "転送" ...). */
export function mentionsForward(line: string): boolean {
  return line.length <= MAX_PATTERN_LINE && FORWARD_PHRASE.test(line);
}

const REPLY_ABOVE = new RegExp(alternation(allOf('replyAboveLine')), 'iu');

/** A help desk's "reply above this line" delimiter, in any language of the table (ours is found by its token too). */
export function isReplyAboveLine(line: string): boolean {
  return line.length <= 200 && REPLY_ABOVE.test(line);
}

/** A line of 20+ underscores: Outlook's plain-text separator above the From/Sent block. */
export function isUnderscoreRule(line: string): boolean {
  return /^[ \t]*_{20,}[ \t]*$/.test(line);
}

/** A line made of separator characters only ("-----", "____", "===="), left over above a cut. */
export function isDelimiterLine(line: string): boolean {
  return line.length <= MAX_PATTERN_LINE && /^[ \t]*[-_=*~+#.·•—–]{2,}[ \t]*$/u.test(line);
}

export function isQuoteLine(line: string): boolean {
  return /^[ \t]{0,6}>/.test(line);
}

// "On <date>, <name> wrote:" and its cousins. The verb usually closes the line; in some languages (de, no, nl Gmail)
// it sits before the name, and then the line must carry an address and end with a colon.
const WROTE_VERB_LIST = allOf('wrote');
const WROTE_VERBS = alternation(WROTE_VERB_LIST);
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
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
const SPACE = '[ \\t\\u00a0\\u202f]';
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

// Device footers mobile clients append after the typed text; anything below one is quoted history.
const DEVICE_FOOTERS = allOf('deviceFooters');
// The first word decides whether the full pattern is worth running (a set lookup per line instead of a big regex).
const FOOTER_FIRST_WORDS = new Set(DEVICE_FOOTERS.map((f) => (/^[^\s]+/.exec(f)?.[0] ?? f).toLowerCase()));
const FOOTER_FIRST_CHARACTERS = firstCharacters(FOOTER_FIRST_WORDS);
const CJK_FOOTER_START = new RegExp(
  `^[ \\t]*(?:${alternation(DEVICE_FOOTERS.filter((footer) => CJK.test(footer)))})`,
  'u',
);
const DEVICE_FOOTER = new RegExp(
  `^[ \\t]*[([<]{0,2}[ \\t]*(?:${alternation(DEVICE_FOOTERS)})(?!${SPACE}*[:：])`,
  'iu',
);

export function isDeviceFooter(text: string): boolean {
  if (text.length > MAX_PATTERN_LINE) return false;
  // Markdown renderings link part of the footer: "Get [Outlook for Android](https://aka.ms/...)".
  const line = text.includes('[') ? text.replace(/[[\]]/g, '') : text;
  const footerWord =
    firstWordMayBeIn(line, 0, FOOTER_FIRST_CHARACTERS) && FOOTER_FIRST_WORDS.has(firstWord(line));
  if (!footerWord && !CJK_FOOTER_START.test(line)) return false;
  if (!DEVICE_FOOTER.test(line)) return false;
  const withoutLinks = line
    .replace(/<[^<>\s]{1,300}>|\((?:https?:|www\.)[^()\s]{1,300}\)|https?:\S{1,300}/g, '')
    .trim();
  return withoutLinks.length <= 80 && !/[,:;]$/.test(withoutLinks);
}

// Banners Microsoft 365 tenants and mail gateways put above the text ("CAUTION: This email originated outside...").
const BANNERS = [
  /\b(?:originated|comes?|came|was sent|is from|sent) from outside\b/i,
  /\boutside (?:of )?(?:the |your |our )?(?:organi[sz]ation|company)\b.{0,120}\b(?:click|links?|attachments?|recogni[sz]e|caution)/i,
  /\byou don'?t often get email from\b/i,
  /\bdon'?t often get email from\b.{0,200}\blearn why this is important\b/i,
  /^\s*\[?(?:EXTERNAL|EXTERN|EXTERNE?|EXTERNO|ESTERNO)(?: (?:EMAIL|E-MAIL|SENDER|MESSAGE|MAIL))?\]?\s*[:!-]?\s*$/i,
  /^\s*(?:CAUTION|WARNING|ATTENTION|ACHTUNG|VORSICHT|ATTENZIONE|PRECAUCIÓN|LET OP|VARNING|OBS)\s*[:!-].{0,300}\b(?:external|extern|externe|esterno|externo|extern[ae]|außerhalb|l'extérieur|fuera|buiten|utanför|utenfor)\b/iu,
  /\bstammt von (?:einem )?(?:externen|außerhalb)\b/i,
  /\bprovient de l'extérieur\b/i,
  /\bafkomstig (?:is )?van buiten\b/i,
];

// Every banner above mentions one of these; one cheap test spares ordinary lines the full list.
const BANNER_HINT = /outside|extern|often get email|außerhalb|extérieur|fuera|buiten|utanför|utenfor/i;

/** Whether `text` could hold a banner at all: one scan of a body's start spares its lines the per-line checks. */
export function mayHoldBanner(text: string): boolean {
  return BANNER_HINT.test(text);
}

export function isBannerLine(line: string): boolean {
  return line.length <= 600 && BANNER_HINT.test(line) && BANNERS.some((pattern) => pattern.test(line));
}
