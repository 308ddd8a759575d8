import type { AnyNode, ChildNode, Document, Element, Text } from 'domhandler';
import { cutAt, type CutPoint, trimTrailingEmpty } from './cut-dom.js';
import { findHtmlBoundary, type HtmlBoundaryKind, linesFrom } from './html-boundaries.js';
import {
  indexDocument,
  isElement,
  isHiddenElement,
  type IndexedDocument,
  type NodeOrder,
  parseHtml,
} from './html-dom.js';
import { removeInterleavedQuotes } from './html-interleaved.js';
import { isOurMarkerLine } from './marker-line.js';
import { isBannerLine } from './client-additions.js';
import {
  dropBanners,
  dropTrailingRules,
  lineContainer,
  measure,
  removeQuoteContainers,
  type MeasuredLines,
} from './html-removals.js';
import { isDelimiterLine } from './quote-patterns.js';
import { renderLines, type RenderedLine } from './render-text.js';
import { findTextBoundary, type TextBoundaryKind } from './text-boundaries.js';
import type { ReplyLayout } from './extract-text-reply.js';

// The reply in an html body: find the earliest boundary, either in the markup (Outlook's appendonsend, Gmail's
// gmail_quote...) or in the text the reader sees (attributions, header blocks in any language, our marker), and cut
// the tree there. What was cut off is kept as the elided part.

export type HtmlReply = {
  /** The parsed body, truncated to the reply (serialise it through the sanitiser). */
  kept: Document;
  /** The kept body rendered to lines. */
  lines: RenderedLine[];
  elided: (ChildNode | string)[];
  boundary?: { kind: TextBoundaryKind | HtmlBoundaryKind; source: 'html' | 'text' };
  layout: ReplyLayout;
  bannersRemoved: number;
};

/** A boundary; `line` is the last rendered line its detection read (the look-ahead starts there). */
type Candidate = {
  point: CutPoint;
  order: number;
  line: number;
  kind: TextBoundaryKind | HtmlBoundaryKind;
  source: 'html' | 'text';
};

const QUOTE_CONTAINER_KINDS = new Set<string>([
  'quote',
  'attribution',
  'gmail-quote',
  'cite-blockquote',
  'thunderbird-cite',
  'yahoo-quote',
  'other-client-quote',
  'bare-blockquote',
]);
// Containers some webmails wrap around the writer's note and the quoted message together (issue: "the note inside the
// client's own quote container"): when taking one as the boundary leaves no note at all, it is read as plain markup.
const WRAPPING_KINDS = new Set<string>([
  'gmail-quote',
  'cite-blockquote',
  'yahoo-quote',
  'other-client-quote',
  'bare-blockquote',
]);

function lineOrders(lines: readonly RenderedLine[], order: NodeOrder): number[] {
  let last = 0;
  return lines.map((line) => (last = line.node ? (order.get(line.node) ?? last) : last));
}

/** The first line at or after `index` that starts in a text node: a cut point for a text boundary. */
function pointAtLine(lines: readonly RenderedLine[], index: number): CutPoint | undefined {
  for (let i = index; i < lines.length; i++) {
    const line = lines[i];
    if (line?.node) return { node: line.node, offset: line.offset };
  }
  return undefined;
}

function earliestBoundary(indexed: IndexedDocument, lines: readonly RenderedLine[]): Candidate | undefined {
  const orders = lineOrders(lines, indexed.order);
  const candidates: Candidate[] = [];
  const textBoundary = findTextBoundary(
    lines.map((l) => l.text),
    isOurMarkerLine,
  );
  if (textBoundary) {
    const point = pointAtLine(lines, textBoundary.line);
    if (point)
      candidates.push({
        point,
        order: indexed.order.get(point.node) ?? 0,
        line: textBoundary.lastLine,
        kind: textBoundary.kind,
        source: 'text',
      });
  }
  const htmlBoundary = findHtmlBoundary(indexed, lines, orders);
  if (htmlBoundary) {
    const order = indexed.order.get(htmlBoundary.element) ?? 0;
    candidates.push({
      point: { node: htmlBoundary.element },
      order,
      line: linesFrom(orders, order),
      kind: htmlBoundary.kind,
      source: 'html',
    });
  }
  return candidates.sort((a, b) => a.order - b.order || (a.source === 'html' ? -1 : 1))[0];
}

/** Anything the writer put before document position `order`: visible text (banners and rules aside) or an image. */
function hasContentBefore(indexed: IndexedDocument, lines: readonly RenderedLine[], order: number): boolean {
  for (const line of lines) {
    if (!line.node) continue;
    if ((indexed.order.get(line.node) ?? 0) >= order) break;
    const text = line.text.trim();
    if (text && !isDelimiterLine(text) && !isBannerLine(text)) return true;
  }
  for (const element of indexed.elements) {
    if ((indexed.order.get(element) ?? 0) >= order) break;
    if (element.name === 'img' && !hiddenByAncestor(element)) return true;
  }
  return false;
}

function hiddenByAncestor(element: Element): boolean {
  for (let current: AnyNode | null = element; current; current = current.parent) {
    if (isElement(current) && isHiddenElement(current)) return true;
  }
  return false;
}

// Boundaries after which the writer may have answered between quotes: a quote container or an attribution, as a
// plain-text reply's ">" quote. Below a header block or a separator the history carries no quote marks.
const INTERLEAVING_KINDS = new Set<string>([
  'quote',
  'attribution',
  'gmail-quote',
  'cite-blockquote',
  'thunderbird-cite',
  'yahoo-quote',
  'bare-blockquote',
]);

function interleavedAnswers(
  lines: readonly RenderedLine[],
  order: number,
  nodeOrder: NodeOrder,
): ChildNode[] | undefined {
  const from = lines.findIndex((line) => line.node && (nodeOrder.get(line.node) ?? 0) >= order);
  if (from < 0) return undefined;
  // The document is measured (one more rendering pass) only when there are answers to keep.
  const measure = () => {
    const lengths = new Map<AnyNode, number>();
    let top: AnyNode | undefined = lines[from]?.node;
    while (top?.parent) top = top.parent;
    if (top) renderLines([top], Infinity, lengths);
    return (node: Text, text: string) => lineContainer(node, text, lengths);
  };
  return removeInterleavedQuotes(lines, from, measure);
}

/** Makes the element at document position `order` plain markup: no longer a quote container or a client's marker. */
function unwrap(indexed: IndexedDocument, order: number): void {
  const element = indexed.elements.find((e) => indexed.order.get(e) === order);
  if (!element) return;
  if (element.name === 'blockquote') element.name = 'div';
  element.attribs = {};
}

export function extractHtmlReply(html: string): HtmlReply {
  const reply = extractOnce(html, []);
  if (reply.lines.some((line) => line.text.trim()) || reply.wrapper === undefined) return reply;
  // Nothing kept: the boundary may have been a container holding the note as well as the quote.
  const unwrapped = extractOnce(html, [reply.wrapper]);
  return unwrapped.lines.some((line) => line.text.trim()) ? unwrapped : reply;
}

// Replies sit at the top: the boundary is looked for in the first lines of the rendering, and the whole (often long)
// history is rendered only when the cut needs it: no boundary among the first lines, one too close to their end for
// the detectors' look-ahead (a header block reads 7 lines on), answers that may sit below it (interleaving), or
// nothing written above it (bottom-posting). Every detector reads the lines in order and looks ahead a few, so on the
// lines before the boundary and its look-ahead the first lines and the whole rendering are the same.
const FIRST_LOOK_LINES = 200;
const LOOK_AHEAD_LINES = 12;

function contentLinesAfter(lines: readonly RenderedLine[], index: number): number {
  let count = 0;
  for (let i = index + 1; i < lines.length; i++) if (lines[i]?.text) count++;
  return count;
}

type CutRendering = {
  lines: RenderedLine[];
  boundary?: Candidate;
  contentBefore?: boolean;
  measured?: MeasuredLines;
};

/**
 * The rendering to cut by: the whole body's, or only its first lines when the reply is top-posted above a cut that
 * needs nothing below it. A boundary found with its look-ahead inside the first lines is the whole rendering's too, and
 * comes along (`contentBefore` with it), so it is not looked for twice.
 */
function renderForCut(indexed: IndexedDocument): CutRendering {
  const head = renderLines([indexed.document], FIRST_LOOK_LINES);
  if (contentLinesAfter(head, -1) < FIRST_LOOK_LINES) return { lines: head };
  head.pop(); // the line the rendering stopped in may be cut short
  const found = earliestBoundary(indexed, head);
  const boundary = found && contentLinesAfter(head, found.line) >= LOOK_AHEAD_LINES ? found : undefined;
  if (!boundary) return { lines: renderLines([indexed.document]) };
  const contentBefore = hasContentBefore(indexed, head, boundary.order);
  if (contentBefore && !INTERLEAVING_KINDS.has(boundary.kind))
    return { lines: head, boundary, contentBefore };
  // Bottom-posted below a quote: the quotes are taken out by a measured rendering, so this one is measured.
  if (!contentBefore && QUOTE_CONTAINER_KINDS.has(boundary.kind)) {
    const measured = measure(indexed.document);
    return { lines: measured.lines, boundary, contentBefore, measured };
  }
  return { lines: renderLines([indexed.document]), boundary, contentBefore };
}

function extractOnce(html: string, transparent: readonly number[]): HtmlReply & { wrapper?: number } {
  const indexed = parseHtml(html);
  for (const order of transparent) unwrap(indexed, order);
  const cut = renderForCut(indexed);
  const { lines, measured } = cut;
  const boundary = cut.boundary ?? earliestBoundary(indexed, lines);
  let elided: (ChildNode | string)[] = [];
  let layout: ReplyLayout = 'no-history';
  if (boundary) {
    if (cut.contentBefore ?? hasContentBefore(indexed, lines, boundary.order)) {
      layout = 'top-posted';
      const answers = INTERLEAVING_KINDS.has(boundary.kind)
        ? interleavedAnswers(lines, boundary.order, indexed.order)
        : undefined;
      if (answers) {
        layout = 'interleaved';
        elided = answers;
      } else {
        elided = cutAt(boundary.point);
      }
    } else {
      layout = 'bottom-posted';
      if (QUOTE_CONTAINER_KINDS.has(boundary.kind)) elided = removeQuoteContainers(indexed, measured);
      const rest = indexDocument(indexed.document);
      const restLines = renderLines([rest.document]);
      const next = earliestBoundary(rest, restLines);
      if (next) elided = [...elided, ...cutAt(next.point)];
      else if (!QUOTE_CONTAINER_KINDS.has(boundary.kind)) elided = [...elided, ...cutAt(boundary.point)];
    }
  }
  const trailing = trimTrailingEmpty(indexed.document);
  const bannersRemoved = dropBanners(indexed);
  const rules = dropTrailingRules(indexed.document);
  return {
    kept: indexed.document,
    lines: rules.lines,
    elided: [...rules.removed, ...trailing, ...elided],
    ...(boundary ? { boundary: { kind: boundary.kind, source: boundary.source } } : {}),
    layout,
    bannersRemoved,
    ...(boundary?.source === 'html' && WRAPPING_KINDS.has(boundary.kind) && transparent.length === 0
      ? { wrapper: boundary.order }
      : {}),
  };
}
