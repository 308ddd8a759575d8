import type { AnyNode, ChildNode, Document, Text } from 'domhandler';
import { isBannerLine } from './client-additions.js';
import { trimTrailingEmpty } from './cut-dom.js';
import { detach, detachAll, isElement, type IndexedDocument } from './html-dom.js';
import { isDelimiterLine, isQuoteLine } from './quote-patterns.js';
import { isBlockTag, renderLines, type RenderedLine } from './render-text.js';
import { attributionEnd } from './text-lines.js';

// What extract-html-reply.ts takes out of an html body besides the history below the cut: a tenant's warning banner at
// the top, separator rules left at the end of the kept part, and the quote containers of a bottom-posted reply. Each
// removes the outermost element that holds only the line it found (lineContainer), never a line's text alone.

const BANNER_SEARCH_LINES = 6;

/**
 * The outermost element around `node` that holds nothing but the line `text` (a banner's table or paragraph). `lengths`
 * are the elements' rendered lengths from the rendering the line came from; an element not measured there counts as
 * large.
 */
export function lineContainer(node: Text, text: string, lengths: ReadonlyMap<AnyNode, number>): ChildNode {
  let container: ChildNode = node;
  for (let current = node.parent; current && isElement(current); current = current.parent) {
    if ((lengths.get(current) ?? Infinity) > text.length + 40) break;
    if (isBlockTag(current.name) || current.name === 'td') container = current;
  }
  return container;
}

export function dropBanners(indexed: IndexedDocument): number {
  let removed = 0;
  let seen = 0;
  const lengths = new Map<AnyNode, number>();
  for (const line of renderLines([indexed.document], BANNER_SEARCH_LINES, lengths)) {
    const text = line.text.trim();
    if (!text) continue;
    if (++seen > BANNER_SEARCH_LINES) break;
    if (line.node && isBannerLine(text)) {
      detach(lineContainer(line.node, text, lengths));
      removed++;
    }
  }
  return removed;
}

/**
 * Separator rules ("________") left at the end of the kept part once the header block below them is gone. Returns
 * what it removed and the kept part's lines as they are now.
 */
export function dropTrailingRules(document: Document): { removed: ChildNode[]; lines: RenderedLine[] } {
  const removed: ChildNode[] = [];
  let lengths = new Map<AnyNode, number>();
  let lines = renderLines([document], Infinity, lengths);
  for (let round = 0; round < 3; round++) {
    const last = lines.findLast((l) => l.text.trim());
    if (!last?.node || !isDelimiterLine(last.text)) break;
    const container = lineContainer(last.node, last.text.trim(), lengths);
    detach(container);
    removed.push(container, ...trimTrailingEmpty(document));
    lengths = new Map();
    lines = renderLines([document], Infinity, lengths);
  }
  return { removed, lines };
}

/** A rendering with every element's rendered length (see renderLines). */
export type MeasuredLines = { lines: RenderedLine[]; lengths: Map<AnyNode, number> };

export function measure(document: Document): MeasuredLines {
  const lengths = new Map<AnyNode, number>();
  return { lines: renderLines([document], Infinity, lengths), lengths };
}

/**
 * Bottom-posting in html (Thunderbird, Apple Mail): the quotes are containers, so take them out with their
 * attributions and keep what the writer wrote around them.
 */
export function removeQuoteContainers(indexed: IndexedDocument, measured?: MeasuredLines): ChildNode[] {
  const containers = indexed.elements.filter((element) => {
    const classes = element.attribs['class'] ?? '';
    return (
      element.name === 'blockquote' ||
      /\b(?:x_)?(?:gmail_quote|gmail_attr|moz-cite-prefix|yahoo_quoted)\b/i.test(classes)
    );
  });
  const removed = detachAll(containers);
  // With no container taken out the body is as it was measured: no need to render it again.
  const { lines, lengths } = removed.length === 0 && measured ? measured : measure(indexed.document);
  const texts = lines.map((l) => l.text);
  const quoted: ChildNode[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.node) continue;
    const end = isQuoteLine(line.text) ? i : attributionEnd(texts, i);
    if (end === undefined) continue;
    for (let j = i; j <= end; j++) {
      const node = lines[j]?.node;
      if (node) quoted.push(lineContainer(node, lines[j]?.text.trim() ?? '', lengths));
    }
    i = end;
  }
  return [...removed, ...detachAll(quoted)];
}
