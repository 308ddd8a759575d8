import type { Element } from 'domhandler';
import { classList, type IndexedDocument } from './html-dom.js';
import type { RenderedLine } from './render-text.js';
import { isQuoteContainer } from './html-interleaved.js';
import { isOurMarkerLine } from './marker-line.js';
import { isAttribution } from './attribution-patterns.js';
import { MAX_PATTERN_LINE } from './line-scan.js';
import { headerLabelKind, isHistorySeparator, isReplyAboveLine } from './quote-patterns.js';

// Where quoted history starts according to the markup clients write around it. Ids and classes are language-free, so
// these find the quote of an Outlook in Finnish as well as one in English. Outlook prefixes ids inside quoted
// originals with "x_" ("x_divRplyFwdMsg"); Outlook for Mac uses that form for its own separator, so both count, and the
// earliest boundary wins anyway.

export type HtmlBoundaryKind =
  | 'our-hidden-token'
  | 'outlook-append-on-send'
  | 'outlook-reply-header'
  | 'outlook-separator'
  | 'outlook-mobile-quote'
  | 'outlook-mac-quote'
  | 'gmail-quote'
  | 'cite-blockquote'
  | 'thunderbird-cite'
  | 'yahoo-quote'
  | 'other-client-quote'
  | 'bare-blockquote'
  | 'rule-then-headers';

export type HtmlBoundary = { element: Element; kind: HtmlBoundaryKind };

function idOf(element: Element): string {
  return (element.attribs['id'] ?? '').replace(/^(?:x_)+/i, '').toLowerCase();
}

function hasClassLike(classes: readonly string[], name: string): boolean {
  return classes.some((c) => c === name || c === `x_${name}` || c.endsWith(`_${name}`));
}

const OUTLOOK_SEPARATOR_STYLE =
  /border-top\s*:\s*solid\s+#(?:e1e1e1|b5c4df)|border\s*:\s*none\s*;\s*border-top\s*:\s*solid[^;]*;\s*padding\s*:\s*3(?:\.0)?pt\s+0/i;

function byMarkup(element: Element): HtmlBoundaryKind | undefined {
  // Every mark below is an id, a class, our data attribute or a cited blockquote: most elements carry none of them.
  const { attribs } = element;
  if (
    attribs['id'] === undefined &&
    attribs['class'] === undefined &&
    attribs['data-sm-ref'] === undefined &&
    element.name !== 'blockquote'
  )
    return undefined;
  const id = idOf(element);
  const classes = classList(element);
  if (hasClassLike(classes, 'sm-ref') || 'data-sm-ref' in element.attribs) return 'our-hidden-token';
  if (id === 'appendonsend') return 'outlook-append-on-send';
  if (id === 'divrplyfwdmsg') return 'outlook-reply-header';
  if (
    id === 'mail-editor-reference-message-container' ||
    hasClassLike(classes, 'ms-outlook-mobile-reference-message')
  ) {
    return 'outlook-mobile-quote';
  }
  if (id === 'olk_src_body_section') return 'outlook-mac-quote';
  if (
    hasClassLike(classes, 'gmail_quote') ||
    hasClassLike(classes, 'gmail_quote_container') ||
    hasClassLike(classes, 'gmail_attr')
  ) {
    return 'gmail-quote';
  }
  if (element.name === 'blockquote' && (element.attribs['type'] ?? '').toLowerCase() === 'cite')
    return 'cite-blockquote';
  if (hasClassLike(classes, 'moz-cite-prefix') || hasClassLike(classes, 'moz-forward-container'))
    return 'thunderbird-cite';
  if (hasClassLike(classes, 'yahoo_quoted') || id.startsWith('yahoo_quoted')) return 'yahoo-quote';
  if (
    hasClassLike(classes, 'protonmail_quote') ||
    hasClassLike(classes, 'zmail_extra') ||
    hasClassLike(classes, 'replyheader')
  ) {
    return 'other-client-quote';
  }
  return undefined;
}

/**
 * Whether a bare blockquote's first line opens quoted history: our marker, a separator, a From: header or an
 * attribution, possibly with the quoted text running on in the same line (a quote without line breaks). A bare
 * blockquote without such a head is the writer quoting a passage, or indenting, and stays theirs.
 */
function headsHistory(text: string): boolean {
  const head = text.trim().slice(0, MAX_PATTERN_LINE);
  if (!head) return false;
  if (
    isOurMarkerLine(head) ||
    isReplyAboveLine(head) ||
    isHistorySeparator(head) ||
    headerLabelKind(head) === 'from'
  )
    return true;
  // Attributions end with a colon; the first colons may be a time's ("10:15").
  const colon = /[:：]/g;
  for (let match = colon.exec(head), tries = 0; match && tries < 8; match = colon.exec(head), tries++) {
    if (isAttribution(head.slice(0, match.index + 1))) return true;
  }
  return false;
}

/** The first line that starts after document position `order` (an element's first line), as an index into `lines`. */
export function linesFrom(lineOrders: readonly number[], order: number): number {
  let low = 0;
  let high = lineOrders.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((lineOrders[mid] ?? 0) <= order) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** "Label: value" lines right after `from`: the header block Outlook writes under its separators, in any language. */
function labelledLinesFollow(lines: readonly RenderedLine[], from: number, needed: number): boolean {
  let labelled = 0;
  let seen = 0;
  for (let i = from; i < lines.length && seen < 6; i++) {
    const text = lines[i]?.text.trim() ?? '';
    if (!text) continue;
    seen++;
    if (headerLabelKind(text) || /^[^:：\s][^:：]{0,30}[:：]\s*\S/u.test(text)) labelled++;
    else if (seen === 1) return false;
    if (labelled >= needed) return true;
  }
  return false;
}

/**
 * The earliest markup boundary. `lineOrders[i]` is the document position of the node lines[i] starts in (lines are
 * in document order, so it never decreases).
 */
export function findHtmlBoundary(
  indexed: IndexedDocument,
  lines: readonly RenderedLine[],
  lineOrders: readonly number[],
): HtmlBoundary | undefined {
  for (const element of indexed.elements) {
    const kind = byMarkup(element);
    if (kind) return { element, kind };
    const order = indexed.order.get(element) ?? 0;
    // A blockquote with no client's mark is a quote when what it holds opens history (webmails and older clients
    // write them bare); the border-less indent of the writer's own "increase indent" button never is.
    if (
      element.name === 'blockquote' &&
      isQuoteContainer(element) &&
      headsHistory(lines[linesFrom(lineOrders, order)]?.text ?? '')
    ) {
      return { element, kind: 'bare-blockquote' };
    }
    if (element.name === 'div' && OUTLOOK_SEPARATOR_STYLE.test(element.attribs['style'] ?? '')) {
      if (labelledLinesFollow(lines, linesFrom(lineOrders, order), 1))
        return { element, kind: 'outlook-separator' };
    }
    if (element.name === 'hr' && labelledLinesFollow(lines, linesFrom(lineOrders, order), 2)) {
      return { element, kind: 'rule-then-headers' };
    }
  }
  return undefined;
}
