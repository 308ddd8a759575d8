import { isDatedSenderLine } from './attribution-patterns.js';
import { isDeviceFooter } from './client-additions.js';
import { MAX_PATTERN_LINE } from './line-scan.js';
import {
  headerLabelKind,
  isForwardSeparator,
  isHistorySeparator,
  isQuoteLine,
  isReplyAboveLine,
  isUnderscoreRule,
  mentionsForward,
  ruledCaption,
} from './quote-patterns.js';
import {
  attributionEnd,
  headerBlockStart,
  isBlank,
  isHeaderBlock,
  isQuoteLikeLine,
  nextContentLine,
} from './text-lines.js';

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

const MAY_BE_ATTRIBUTION = /[\d０-９@<＜]/;
const BOUNDARY_CHARACTERS = /[>:：\-=_#\d０-９@<＜]/;

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
