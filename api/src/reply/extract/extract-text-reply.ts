import { isOurMarkerLine } from './marker-line.js';
import { isBannerLine, mayHoldBanner } from './client-additions.js';
import { isDelimiterLine, isQuoteLine } from './quote-patterns.js';
import {
  bottomPostedLines,
  findTextBoundary,
  type TextBoundary,
  type TextBoundaryKind,
} from './text-boundaries.js';
import { interleavedLines } from './text-interleaved.js';

// The reply in a plain-text body. Top-posted (the usual case): everything above the first boundary. Bottom-posted or
// interleaved (nothing above it): the unquoted lines between and below the quotes — only where the quote is marked
// (">"): below an Outlook header block, a separator or a forward header the quoted message carries no marks, so
// nothing there can be told apart from it, and all of it is history. A forward keeps the text above it; the
// forwarded message is the elided part.

export type ReplyLayout = 'top-posted' | 'bottom-posted' | 'interleaved' | 'forwarded' | 'no-history';

export type TextReply = {
  text: string;
  elidedText: string;
  boundary?: TextBoundaryKind;
  layout: ReplyLayout;
  bannersRemoved: number;
};

const BANNER_SEARCH_LINES = 6;

function isBlank(line: string): boolean {
  // Most lines open with a character that is no kind of space: that settles it without the regex.
  const first = line.charCodeAt(0);
  if (first > 32 && first < 0x80) return false;
  return !/\S/.test(line);
}

/** Whether `lines` (those before `end`) hold anything the writer typed (tenant banners and separator rules don't count). */
export function hasWrittenContent(lines: readonly string[], banners = true, end = lines.length): boolean {
  for (let i = 0; i < end && i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!isBlank(line) && !isDelimiterLine(line) && !(banners && isBannerLine(line))) return true;
  }
  return false;
}

/** Drops tenant banners among the first lines; returns how many lines went. */
function dropLeadingBanners(lines: string[]): number {
  let removed = 0;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < BANNER_SEARCH_LINES; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    seen++;
    if (isBannerLine(line)) {
      lines.splice(i, 1);
      removed++;
      i--;
    }
  }
  return removed;
}

/** Blank lines and leftover rules ("-----", "____") at the end of the kept part. */
export function trimTrailingLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (isBlank(lines[end - 1] ?? '') || isDelimiterLine(lines[end - 1] ?? ''))) end--;
  return lines.splice(end);
}

function joinLines(lines: readonly string[]): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const last = line.charCodeAt(line.length - 1);
    text += (i > 0 ? '\n' : '') + (last === 32 || last === 9 || last === 160 ? line.trimEnd() : line);
  }
  return text.trim();
}

/** Where line `index` starts in `text` (lines split on "\n"). */
function offsetOfLine(lines: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (lines[i]?.length ?? 0) + 1;
  return offset;
}

// Replies sit at the top: look at the first lines alone, and split the whole (often long) history only when the
// boundary is not among them or lies too close to their end for the look-ahead of the detectors.
const FIRST_LOOK = 6_000;
const LOOK_AHEAD_LINES = 12;

function linesAndBoundary(text: string): { lines: string[]; boundary: TextBoundary | undefined } {
  if (text.length > FIRST_LOOK * 2) {
    const cut = text.lastIndexOf('\n', FIRST_LOOK);
    if (cut > 0) {
      const head = text.slice(0, cut).split('\n');
      const boundary = findTextBoundary(head, isOurMarkerLine);
      if (
        boundary &&
        boundary.line + LOOK_AHEAD_LINES < head.length &&
        hasWrittenContent(head, true, boundary.line)
      ) {
        return { lines: head, boundary };
      }
    }
  }
  const lines = text.split('\n');
  return { lines, boundary: findTextBoundary(lines, isOurMarkerLine) };
}

/** Whether what follows the boundary is history without quote marks (see the top of the file). */
function unmarkedHistoryFollows(lines: readonly string[], boundary: TextBoundary): boolean {
  if (boundary.kind === 'separator' || boundary.kind === 'forward' || boundary.kind === 'header-block')
    return true;
  // After an attribution the quote is marked with ">", or (Outlook for Mac) by indenting the whole original. Text
  // that is neither is the writer's: the attribution heads a quote that was removed, or the answers to a ">" quote.
  if (boundary.kind !== 'attribution') return false;
  for (let i = boundary.lastLine + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isQuoteLine(line) || (!isBlank(line) && !/^(?: {2}|\t)/.test(line))) return false;
  }
  return true;
}

// Tenant banners open the body; looking for their words further down would only cost time.
const BANNER_ZONE = 1_000;

export function extractTextReply(body: string): TextReply {
  const text = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  const { lines, boundary } = linesAndBoundary(text);
  const boundaryOffset = boundary ? offsetOfLine(lines, boundary.line) : text.length;
  const banners = boundaryOffset > BANNER_ZONE || mayHoldBanner(text.slice(0, boundaryOffset));
  let kept: string[];
  // The elided part is mostly one slice of the body: no need to walk the quoted history line by line.
  let elidedText: string;
  let layout: ReplyLayout = 'no-history';
  if (!boundary) {
    kept = lines;
    elidedText = '';
  } else if (hasWrittenContent(lines, banners, boundary.line)) {
    layout = boundary.kind === 'forward' ? 'forwarded' : 'top-posted';
    kept = lines.slice(0, boundary.line);
    elidedText = text.slice(boundaryOffset);
    const answers =
      boundary.kind === 'quote' || boundary.kind === 'attribution'
        ? interleavedLines(
            lines,
            boundary.lastLine + (boundary.kind === 'quote' ? 0 : 1),
            isOurMarkerLine,
            boundary.kind === 'attribution',
          )
        : undefined;
    if (answers) {
      layout = 'interleaved';
      const keptIndexes = new Set(answers);
      // One blank line between the top text and the answers, where the writer left one.
      trimTrailingLines(kept);
      const gap = isBlank(lines[boundary.line - 1] ?? '') ? [''] : [];
      kept = [...kept, ...gap, ...lines.filter((_, i) => keptIndexes.has(i))];
      elidedText = joinLines(lines.filter((_, i) => i >= boundary.line && !keptIndexes.has(i)));
    }
  } else if (unmarkedHistoryFollows(lines, boundary)) {
    layout = boundary.kind === 'forward' ? 'forwarded' : 'top-posted';
    kept = [];
    elidedText = text.slice(boundaryOffset);
  } else {
    layout = 'bottom-posted';
    // The attribution itself (a dated sender line too, which bottomPostedLines would not know for one) is history.
    const from = boundary.kind === 'attribution' ? boundary.lastLine + 1 : boundary.line;
    const keptIndexes = new Set(bottomPostedLines(lines, from, isOurMarkerLine));
    kept = lines.filter((_, i) => i >= boundary.line && keptIndexes.has(i));
    elidedText = joinLines(lines.filter((_, i) => i >= boundary.line && !keptIndexes.has(i)));
  }
  const bannersRemoved = banners ? dropLeadingBanners(kept) : 0;
  const trailing = trimTrailingLines(kept);
  // Filled in field by field, not spread from conditional objects: this runs for every plain-text email, and the
  // spreads were a visible part of its cost.
  const reply: TextReply = {
    text: joinLines(kept),
    elidedText: (trailing.length > 0 ? `${trailing.join('\n')}\n${elidedText}` : elidedText).trim(),
  } as TextReply;
  if (boundary) reply.boundary = boundary.kind;
  reply.layout = layout;
  reply.bannersRemoved = bannersRemoved;
  return reply;
}
