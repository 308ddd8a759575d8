import { allOf, alternation, HEADER_LABELS, type HeaderLabelKind } from '../languages/vocabulary.js';
import {
  afterQuotePrefix,
  codes,
  firstCharacters,
  firstWord,
  firstWordMayBeIn,
  MAX_PATTERN_LINE,
} from './line-scan.js';

// What quoted history looks like where it starts, line by line, in the languages our customers write: header fields,
// separators and rules, quote marks. Attributions ("On ... wrote:") are in attribution-patterns.ts, device footers and
// tenant banners in client-additions.ts. The words come from the language table (../languages: header labels,
// separators as the clients localise them); the shapes around them (dashes, colons) are here. Every pattern is
// linear: no nested quantifiers over overlapping classes, and callers only test lines of bounded length
// (MAX_PATTERN_LINE), so hostile input cannot make them slow.

/** Around a header label: "> *From:*", "From :" (French spacing), "**Von**:". */
const LABEL_LEAD = codes(' \t>*_');
const LABEL_TRAIL = codes(' \t\u00a0\u202f*_');

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
