import { hasAttributionOpener, isAttribution, startsAttribution } from './attribution-patterns.js';
import { MAX_PATTERN_LINE } from './line-scan.js';
import { headerLabelKind, isDelimiterLine, isHistorySeparator, isQuoteLine } from './quote-patterns.js';

// Readings of one place in a list of text lines that both the boundary scan (text-boundaries.ts) and the interleaved
// reading (text-interleaved.ts) make: blank lines, an Outlook header block, an attribution wrapped over several lines.

const MAX_ATTRIBUTION_LINES = 6;
const MAX_CONTINUATION_LENGTH = 120;

export function isBlank(line: string | undefined): boolean {
  if (line === undefined) return true;
  // Most lines open with a character that is no kind of space: that settles it without the regex.
  const first = line.charCodeAt(0);
  if (first > 32 && first < 0x80) return false;
  return !/\S/.test(line);
}

export function nextContentLine(
  lines: readonly string[],
  from: number,
  limit = lines.length,
): number | undefined {
  for (let i = from; i < Math.min(lines.length, limit); i++) if (!isBlank(lines[i])) return i;
  return undefined;
}

/** An Outlook-style header block whose From line is at `at`: enough other header fields close below it. */
export function isHeaderBlock(lines: readonly string[], at: number): boolean {
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
export function headerBlockStart(lines: readonly string[], fromLine: number): number {
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

export function isQuoteLikeLine(line: string | undefined): boolean {
  return line !== undefined && (isQuoteLine(line) || /^[ \t]{0,6}\|/.test(line));
}
