import type { AnyNode, ChildNode, Element, Text } from 'domhandler';
import { detachAll, isElement } from './html-dom.js';
import { isOurMarkerLine } from './marker-line.js';
import type { RenderedLine } from './render-text.js';
import { interleavedLines } from './text-interleaved.js';
import { attributionEnd } from './text-lines.js';

// Answers written between quotes in an html reply. The html is read as the text path reads a plain-text reply: every
// line inside a quote container gets the "> " mark a plain-text client would have put there, and the text path's rule
// (text-boundaries.ts interleavedLines) decides which unquoted lines are the writer's answers: an answer between two
// quotes, or text right below a quote that heads no history (the writer quoting a passage of their own choosing).
// The quotes themselves go to the folded part; the answers stay where they are in the markup.

const QUOTE_CLASSES = /\b(?:x_)?(?:gmail_quote|gmail_quote_container|yahoo_quoted|protonmail_quote)\b/i;
// Gmail's and Outlook's "indent" button write a blockquote without a border: the writer's own text, indented.
const INDENT = /border(?:-left)?\s*:\s*(?:none|0)\b/i;

/** A container clients put quoted history in (not an indent the writer made). */
export function isQuoteContainer(element: Element): boolean {
  if (element.name === 'blockquote')
    return (
      !INDENT.test(element.attribs['style'] ?? '') || (element.attribs['type'] ?? '').toLowerCase() === 'cite'
    );
  return QUOTE_CLASSES.test(element.attribs['class'] ?? '');
}

/** The outermost quote container around `node`, if any; answers are kept per parent, so each element is asked once. */
function outermostQuote(node: AnyNode, memo: Map<AnyNode, Element | null>): Element | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  let found = memo.get(parent);
  if (found === undefined) {
    const above = outermostQuote(parent, memo);
    found = above ?? (isElement(parent) && isQuoteContainer(parent) ? parent : null);
    memo.set(parent, found);
  }
  return found ?? undefined;
}

/**
 * When the reply below line `from` interleaves answers with quotes: removes the quotes and the attribution lines from
 * the tree and returns them (for the folded part); undefined when there is nothing to keep below `from`.
 * `containerOf` finds the element holding only a given line (the same rule banners and rules are removed by).
 */
export function removeInterleavedQuotes(
  lines: readonly RenderedLine[],
  from: number,
  measure: () => (node: Text, text: string) => ChildNode,
): ChildNode[] | undefined {
  const memo = new Map<AnyNode, Element | null>();
  const quotes = lines.map((line) => (line.node ? outermostQuote(line.node, memo) : undefined));
  const texts = lines.map((line, i) => (quotes[i] ? `> ${line.text}` : line.text));
  const attribution = attributionEnd(texts, from);
  const kept = interleavedLines(
    texts,
    attribution === undefined ? from : attribution + 1,
    isOurMarkerLine,
    attribution !== undefined,
  );
  if (!kept) return undefined;
  const keep = new Set(kept.filter((i) => !quotes[i]));
  const containerOf = measure();
  const gone: ChildNode[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.node || keep.has(i)) continue;
    gone.push(quotes[i] ?? containerOf(line.node, line.text.trim()));
  }
  return detachAll(gone);
}
