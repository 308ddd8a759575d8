import {
  hasAttributionOpener,
  headerLabelKind,
  isAttribution,
  isDatedSenderLine,
  isDelimiterLine,
  isDeviceFooter,
  isForwardSeparator,
  isHistorySeparator,
  isQuoteLine,
  isReplyAboveLine,
  isUnderscoreRule,
  MAX_PATTERN_LINE,
  mentionsForward,
  ruledCaption,
  startsAttribution,
} from './quote-patterns.js';

// Where quoted history starts in a list of text lines: the earliest of our marker line, ">" quoting, an
// "On ... wrote:" attribution, an "Original Message" separator, an Outlook From/Sent/To/Subject block, or the end of a
// mobile device footer. The same scan runs on plain-text bodies and on the text rendering of html bodies.

export type TextBoundaryKind =
  'marker' | 'quote' | 'attribution' | 'separator' | 'forward' | 'header-block' | 'device-footer';

export type TextBoundary = {
  /** First line of quoted history (the cut goes before it). */
  line: number;
  kind: TextBoundaryKind;
  /** Last line of the boundary itself (a wrapped attribution spans several). */
  lastLine: number;
};

const MAX_ATTRIBUTION_LINES = 6;
const MAY_BE_ATTRIBUTION = /[\d０-９@<＜]/;
const BOUNDARY_CHARACTERS = /[>:：\-=_#\d０-９@<＜]/;
const MAX_CONTINUATION_LENGTH = 120;

function isBlank(line: string | undefined): boolean {
  if (line === undefined) return true;
  // Most lines open with a character that is no kind of space: that settles it without the regex.
  const first = line.charCodeAt(0);
  if (first > 32 && first < 0x80) return false;
  return !/\S/.test(line);
}

function nextContentLine(lines: readonly string[], from: number, limit = lines.length): number | undefined {
  for (let i = from; i < Math.min(lines.length, limit); i++) if (!isBlank(lines[i])) return i;
  return undefined;
}

/** An Outlook-style header block whose From line is at `at`: enough other header fields close below it. */
function isHeaderBlock(lines: readonly string[], at: number): boolean {
  const fromLine = lines[at] ?? '';
  const kinds = new Set<string>();
  let seen = 0;
  for (let i = at + 1; i < lines.length && seen < 7; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    seen++;
    const kind = headerLabelKind(line);
    if (kind && kind !== 'from') kinds.add(kind);
  }
  if (kinds.size >= 2) return true;
  if (kinds.size === 0) return false;
  const previous = [...lines.slice(Math.max(0, at - 3), at)].reverse().find((l) => !isBlank(l)) ?? '';
  return /@|<|\[mailto:/i.test(fromLine) || isDelimiterLine(previous) || isHistorySeparator(previous);
}

/** How far up a header block reaches: Hotmail and Outlook for Mac put Date/Subject above From. */
function headerBlockStart(lines: readonly string[], fromLine: number): number {
  let start = fromLine;
  for (let i = fromLine - 1; i >= 0 && fromLine - i <= 4; i--) {
    const line = lines[i] ?? '';
    if (isBlank(line)) break;
    if (!headerLabelKind(line)) break;
    start = i;
  }
  return start;
}

/** The last line of an attribution that starts at `at`, or undefined. Attributions wrap over up to six lines. */
export function attributionEnd(lines: readonly string[], at: number): number | undefined {
  const first = lines[at] ?? '';
  if (first.length > MAX_PATTERN_LINE) return undefined;
  if (isAttribution(first)) return at;
  if (!startsAttribution(first)) return undefined;
  let joined = first.trim();
  let considered = 0;
  for (let i = at + 1; i < lines.length && considered < MAX_ATTRIBUTION_LINES - 1; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (line.length > MAX_CONTINUATION_LENGTH) return undefined;
    considered++;
    joined = `${joined} ${line.trim()}`;
    if (isAttribution(joined) && (hasAttributionOpener(first) || /@|</.test(joined))) {
      return i;
    }
  }
  return undefined;
}

function isQuoteLikeLine(line: string | undefined): boolean {
  return line !== undefined && (isQuoteLine(line) || /^[ \t]{0,6}\|/.test(line));
}

/** ">", "|" and Supercite's "Name>" quoting. Called on every line of a quote, so the common case is a char test. */
function isAnyQuoteLine(line: string): boolean {
  let i = 0;
  while (i < 6 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const first = line.charCodeAt(i);
  if (first === 62 || first === 124) return true; // ">" or "|"
  return line.includes('>') && /^[ \t]{0,3}[A-Za-z]{1,8}>(?:[ \t]|$)/.test(line);
}

/** Where the writer's own text stops below the quotes: a rule, a signature separator, a footer, more history. */
function endsInterleaving(
  lines: readonly string[],
  i: number,
  isMarkerLine: (line: string) => boolean,
): boolean {
  const line = lines[i] ?? '';
  return (
    isDelimiterLine(line) ||
    /^--[ \t]*$/.test(line) ||
    isMarkerLine(line) ||
    isDeviceFooter(line) ||
    isHistorySeparator(line) ||
    isUnderscoreRule(line) ||
    (headerLabelKind(line) === 'from' && isHeaderBlock(lines, i))
  );
}

// Clients wrap quoted text at 72-78 columns (RFC 3676 §4.2 asks for at most 78). An unquoted line right below a quoted
// one is the rest of it, re-wrapped without its ">", when the quoted line reached that width, or when it does not open
// like a sentence (no capital, no letter of a caseless script, no digit) and the quote goes on below it; otherwise it
// is the writer's answer.
const WRAP_WIDTH = 60;

function isQuoteRemainder(lines: readonly string[], i: number): boolean {
  if ((lines[i - 1] ?? '').trimEnd().length >= WRAP_WIDTH) return true;
  return !/^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(lines[i] ?? '') && isAnyQuoteLine(lines[i + 1] ?? '');
}

/** Quote lines with nothing but quote marks, at the head of a quoted passage kept above an answer. */
function withoutEmptyHead(block: readonly number[], lines: readonly string[]): number[] {
  let start = 0;
  while (start < block.length && /^[ \t]*[>|][>| \t]*$/.test(lines[block[start] ?? 0] ?? '')) start++;
  return block.slice(start);
}

/** Whether a quoted line (marks removed) is what clients put at the head of quoted history. */
function headsHistory(line: string, isMarkerLine: (line: string) => boolean): boolean {
  return (
    isMarkerLine(line) ||
    isHistorySeparator(line) ||
    isAttribution(line) ||
    headerLabelKind(line) !== undefined
  );
}

/**
 * An interleaved reply below the top text: answers written between quoted passages ("> question / answer"). `from` is
 * the first line after the attribution (or the first quoted line). Returns
 * the lines to keep (each answer with the quote it answers), or undefined when the quote is not interrupted by the
 * writer. Unquoted lines glued to a quote line may be the quote re-wrapped by a client (isQuoteRemainder); text after
 * the last quote counts once an answer sat between two quotes (else it is a footer or a signature placed below the
 * quote, as Apple Mail does when told to), or when it sits right below a quote that heads no history. `headed`: an
 * attribution stands right above `from`.
 */
export function interleavedLines(
  lines: readonly string[],
  from: number,
  isMarkerLine: (line: string) => boolean,
  headed: boolean,
): number[] | undefined {
  const kept: number[] = [];
  // Clients head the history they quote with an attribution or a header block. A ">" passage with neither is the
  // writer quoting a line of their own choosing, and what they write right below it is theirs, even after the last one.
  // Only read at the end, and only then worked out (the quote lines are collected): asking every quoted line on the
  // way costs a line check each on long quotes.
  const quoteLines: number[] = [];
  let glued = false;
  let spacing: number[] = [];
  let quoteBlock: number[] = [];
  let answer: number[] = [];
  let sawQuote = false;
  let previousWasQuote = false;
  let sandwiched = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isAnyQuoteLine(line)) {
      if (answer.some((a) => !isBlank(lines[a]))) {
        for (const index of [withoutEmptyHead(quoteBlock, lines), answer].flat()) kept.push(index);
        quoteBlock = [];
        sandwiched = true;
      }
      answer = [];
      spacing = [];
      // Our marker line stays out of what is kept, even as the quote an answer follows.
      if (!isMarkerLine(line)) quoteBlock.push(i);
      quoteLines.push(i);
      sawQuote = previousWasQuote = true;
      continue;
    }
    if (isBlank(line)) {
      // Blank lines between a quote and the answer below it are the writer's spacing: they go with the answer.
      (answer.length > 0 ? answer : spacing).push(i);
      previousWasQuote = false;
      continue;
    }
    // Unquoted text before any quote: the history is not ">"-quoted, so there are no answers to tell apart.
    if (!sawQuote) return undefined;
    if (previousWasQuote && isQuoteRemainder(lines, i)) {
      // a quoted line a client re-wrapped without its ">"
      quoteBlock.push(i);
      continue;
    }
    if (answer.length === 0 && endsInterleaving(lines, i, isMarkerLine)) break;
    const attributionLast = answer.length === 0 ? attributionEnd(lines, i) : undefined;
    if (attributionLast !== undefined) {
      for (let j = i; j <= attributionLast; j++) quoteBlock.push(j);
      i = attributionLast;
      continue;
    }
    if (answer.length === 0) {
      glued = previousWasQuote;
      answer.push(...spacing);
    }
    previousWasQuote = false;
    answer.push(i);
  }
  const quotesHistory = () =>
    headed || quoteLines.some((q) => headsHistory((lines[q] ?? '').replace(/^[ \t>|]+/, ''), isMarkerLine));
  const lastAnswered = answer.some((a) => !isBlank(lines[a])) && (sandwiched || (glued && !quotesHistory()));
  if (lastAnswered)
    for (const index of [withoutEmptyHead(quoteBlock, lines), answer].flat()) kept.push(index);
  return sandwiched || lastAnswered ? kept : undefined;
}

/** The earliest boundary in `lines`, or undefined when everything is the writer's own text. */
export function findTextBoundary(
  lines: readonly string[],
  isMarkerLine: (line: string) => boolean,
): TextBoundary | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    // Every boundary but a device footer has one of these characters; plain prose skips straight to that check.
    if (BOUNDARY_CHARACTERS.test(line)) {
      const found = boundaryAt(lines, i, line, isMarkerLine);
      if (found) return found;
    }
    if (isDeviceFooter(line)) {
      const next = nextContentLine(lines, i + 1);
      if (next !== undefined) return { line: next, kind: 'device-footer', lastLine: i };
    }
  }
  return undefined;
}

function boundaryAt(
  lines: readonly string[],
  i: number,
  line: string,
  isMarkerLine: (line: string) => boolean,
): TextBoundary | undefined {
  if (isMarkerLine(line) || isReplyAboveLine(line)) return { line: i, kind: 'marker', lastLine: i };
  if (isQuoteLine(line)) return { line: i, kind: 'quote', lastLine: i };
  if (line.length > MAX_PATTERN_LINE) return undefined;
  if (isHistorySeparator(line))
    return { line: i, kind: isForwardSeparator(line) ? 'forward' : 'separator', lastLine: i };
  const captionRest = ruledCaption(line);
  if (captionRest !== undefined) {
    const next = captionRest ? i : nextContentLine(lines, i + 1, i + 4);
    if (next !== undefined && headerLabelKind(next === i ? captionRest : (lines[next] ?? ''))) {
      return { line: i, kind: mentionsForward(line) ? 'forward' : 'separator', lastLine: i };
    }
  }
  if (isUnderscoreRule(line)) {
    const next = nextContentLine(lines, i + 1, i + 4);
    if (next !== undefined && headerLabelKind(lines[next] ?? ''))
      return { line: i, kind: 'header-block', lastLine: next };
  }
  if (headerLabelKind(line) === 'from' && isHeaderBlock(lines, i)) {
    return { line: headerBlockStart(lines, i), kind: 'header-block', lastLine: i };
  }
  // Every attribution form carries a date, an address or "<": prose without them skips the costly checks.
  if (MAY_BE_ATTRIBUTION.test(line)) {
    const attributionLast = attributionEnd(lines, i);
    if (attributionLast !== undefined) return { line: i, kind: 'attribution', lastLine: attributionLast };
    if (isDatedSenderLine(line)) {
      const next = nextContentLine(lines, i + 1, i + 3);
      if (next !== undefined && isQuoteLikeLine(lines[next]))
        return { line: i, kind: 'attribution', lastLine: i };
    }
  }
  return undefined;
}

/**
 * For a bottom-posted or interleaved reply (nothing written above the first boundary): the lines the writer added
 * between and below the quotes. Quotes, attributions, separators and header blocks are left out; our own marker line
 * ends it, because below it is our outbound text.
 */
export function bottomPostedLines(
  lines: readonly string[],
  from: number,
  isMarkerLine: (line: string) => boolean,
): number[] {
  const kept: number[] = [];
  let inHeaderBlock = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      inHeaderBlock = false;
      kept.push(i);
      continue;
    }
    if (inHeaderBlock) continue;
    // A quoted marker is part of the quote; only an unquoted one starts our own text.
    if (isQuoteLikeLine(line) || isHistorySeparator(line) || isUnderscoreRule(line)) continue;
    if (isMarkerLine(line)) break;
    if (headerLabelKind(line) === 'from' && isHeaderBlock(lines, i)) {
      inHeaderBlock = true;
      continue;
    }
    const attributionLast = attributionEnd(lines, i);
    if (attributionLast !== undefined) {
      i = attributionLast;
      continue;
    }
    kept.push(i);
  }
  return kept;
}
