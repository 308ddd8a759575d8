import type { AnyNode, ChildNode, Element } from 'domhandler';
import { isElement, isHiddenElement, NON_CONTENT_TAGS } from './html-dom.js';

// Serialises a parsed (and cut) html body through an allowlist, in one pass over the tree we already have, instead of
// re-parsing with a general-purpose sanitiser. What leaves here is safe to show agents in the Teams tab: no scripts,
// no event handlers, no javascript:/data: links, no CSS that loads or positions anything, no forms, frames or meta
// refresh, and `cid:` images pointing at our attachment URLs (or gone).

export type SanitiseOptions = {
  /** Maps an inline image's content id to the URL we serve it from; undefined drops the image. Without it `cid:` stays. */
  rewriteCid?: (contentId: string) => string | undefined;
  /** Remote images load from the sender's server (a tracking beacon); by default only their alt text is kept. */
  remoteImages?: 'keep' | 'drop';
  /** Deeper nesting than this is flattened (its text kept), so hostile input cannot produce a 100k-deep tree. */
  maxDepth?: number;
};

const ALLOWED_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
]);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'col', 'wbr']);

const GLOBAL_ATTRIBUTES = new Set(['dir', 'lang', 'title', 'align', 'valign', 'style']);
const TAG_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height']),
  table: new Set(['width', 'border', 'cellpadding', 'cellspacing', 'bgcolor']),
  td: new Set(['width', 'height', 'colspan', 'rowspan', 'bgcolor', 'nowrap']),
  th: new Set(['width', 'height', 'colspan', 'rowspan', 'bgcolor', 'nowrap', 'scope']),
  col: new Set(['span', 'width']),
  colgroup: new Set(['span', 'width']),
  ol: new Set(['start', 'type', 'reversed']),
  ul: new Set(['type']),
  li: new Set(['value']),
  font: new Set(['color', 'face', 'size']),
  blockquote: new Set(['cite']),
  q: new Set(['cite']),
};

const SAFE_CSS_PROPERTIES = new Set([
  'color',
  'background-color',
  'font-weight',
  'font-style',
  'font-size',
  'font-family',
  'font-variant',
  'text-decoration',
  'text-decoration-line',
  'text-align',
  'text-indent',
  'text-transform',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'vertical-align',
  'white-space',
  'direction',
  'list-style-type',
  'width',
  'height',
  'max-width',
  'min-width',
  'border',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-color',
  'border-style',
  'border-width',
  'border-collapse',
  'border-spacing',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
]);
const UNSAFE_CSS_VALUE =
  /url\s*\(|expression\s*\(|javascript:|vbscript:|@import|behavio(?:u)?r|-moz-binding|[\\<>]|\/\*/i;
const SAFE_HREF = /^(?:https?:|mailto:|tel:)/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

// Most text needs no escaping at all, and the rest mostly one kind (a quote's ">"): each replace runs only for a
// character the text holds.
const TEXT_SPECIALS = /[&<>\u00a0]/;

function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) return text;
  let escaped = text;
  if (escaped.includes('&')) escaped = escaped.replace(/&/g, '&amp;');
  if (escaped.includes('<')) escaped = escaped.replace(/</g, '&lt;');
  if (escaped.includes('>')) escaped = escaped.replace(/>/g, '&gt;');
  if (escaped.includes('\u00a0')) escaped = escaped.replace(/\u00a0/g, '&nbsp;');
  return escaped;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Control and invisible characters are how "java\tscript:" and friends slip past scheme checks.
function urlForCheck(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]/g, '');
}

function safeStyle(style: string): string | undefined {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!SAFE_CSS_PROPERTIES.has(property) || !value || UNSAFE_CSS_VALUE.test(value)) continue;
    kept.push(`${property}:${value}`);
  }
  return kept.length > 0 ? kept.join(';') : undefined;
}

type ImageDecision = { src: string } | { alt: string } | undefined;

function imageSource(element: Element, options: SanitiseOptions): ImageDecision {
  const raw = element.attribs['src'] ?? '';
  const src = urlForCheck(raw);
  const alt = element.attribs['alt'] ?? '';
  if (/^cid:/i.test(src)) {
    if (!options.rewriteCid) return { src };
    const rewritten = options.rewriteCid(contentIdOf(src));
    return rewritten ? { src: rewritten } : alt ? { alt } : undefined;
  }
  if (SAFE_DATA_IMAGE.test(raw.trim())) return { src: raw.trim() };
  if (/^https?:/i.test(src) && options.remoteImages === 'keep') return { src };
  return alt ? { alt } : undefined;
}

/** "cid:image001.png@01D9..." -> "image001.png@01D9..." (angle brackets and URL escapes removed). */
export function contentIdOf(cidUrl: string): string {
  const value = cidUrl.replace(/^cid:/i, '').trim();
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // a stray "%" is just part of the id
  }
  return decoded.replace(/^<|>$/g, '');
}

function attributes(element: Element, options: SanitiseOptions): string | undefined {
  const allowed = TAG_ATTRIBUTES[element.name];
  let out = '';
  for (const name in element.attribs) {
    const value = element.attribs[name] ?? '';
    if (name === 'src' || name === 'href') continue;
    if (!GLOBAL_ATTRIBUTES.has(name) && !allowed?.has(name)) continue;
    if (name === 'style') {
      const style = safeStyle(value);
      if (style) out += ` style="${escapeAttribute(style)}"`;
      continue;
    }
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (element.name === 'a') {
    const href = urlForCheck(element.attribs['href'] ?? '');
    if (SAFE_HREF.test(href))
      out += ` href="${escapeAttribute(href)}" target="_blank" rel="noopener noreferrer nofollow"`;
  }
  if (element.name === 'img') {
    const image = imageSource(element, options);
    if (!image) return undefined;
    if ('alt' in image) return undefined;
    out += ` src="${escapeAttribute(image.src)}"`;
  }
  return out;
}

/** A closing tag waiting on the stack, one per allowed tag name (nothing allocated per element for it). */
class Close {
  constructor(readonly tag: string) {}
}
const CLOSE_TAGS = new Map(
  [...ALLOWED_TAGS].filter((tag) => !VOID_TAGS.has(tag)).map((tag) => [tag, new Close(`</${tag}>`)]),
);

/**
 * Safe html for `roots` (nodes of a parsed body, or plain strings standing for text). The walk keeps an explicit stack
 * of nodes and closing tags, with each node's depth on a parallel stack: a large history has hundreds of thousands of
 * nodes, and an object per stack entry was much of the cost.
 */
export function sanitiseNodes(roots: readonly (AnyNode | string)[], options: SanitiseOptions = {}): string {
  const maxDepth = options.maxDepth ?? 100;
  // Appended to one string: V8 joins the pieces lazily, cheaper than collecting them in an array to join.
  let out = '';
  const stack: (AnyNode | string | Close)[] = [];
  const depths: number[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i] as AnyNode | string);
    depths.push(0);
  }
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | string | Close;
    const depth = depths.pop() as number;
    if (node instanceof Close) {
      out += node.tag;
      continue;
    }
    if (typeof node === 'string') {
      out += escapeText(node);
      continue;
    }
    if (node.type === 'text') {
      out += escapeText(node.data);
      continue;
    }
    if (!('children' in node)) continue; // comments, directives, processing instructions
    const children = node.children as ChildNode[];
    let open = '';
    let close: Close | undefined;
    if (isElement(node)) {
      if (NON_CONTENT_TAGS.has(node.name) || isHiddenElement(node)) continue;
      if (node.name === 'img') {
        const image = imageSource(node, options);
        if (image && 'alt' in image) out += escapeText(`[${image.alt}]`);
      }
      if (ALLOWED_TAGS.has(node.name) && depth < maxDepth) {
        const attrs = attributes(node, options);
        if (attrs !== undefined || node.name !== 'img') {
          open = `<${node.name}${attrs ?? ''}>`;
          close = CLOSE_TAGS.get(node.name);
        }
      }
    }
    if (open) out += open;
    if (close) {
      stack.push(close);
      depths.push(depth);
    }
    const childDepth = open ? depth + 1 : depth;
    if (!(isElement(node) && VOID_TAGS.has(node.name))) {
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push(children[i] as ChildNode);
        depths.push(childDepth);
      }
    }
  }
  return out;
}

/** The content ids of the inline images `roots` reference. */
export function referencedContentIds(roots: readonly AnyNode[]): string[] {
  const ids = new Set<string>();
  const stack: AnyNode[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElement(node)) {
      if (NON_CONTENT_TAGS.has(node.name) || isHiddenElement(node)) continue;
      const src = urlForCheck(node.attribs['src'] ?? '');
      if (node.name === 'img' && /^cid:/i.test(src)) ids.add(contentIdOf(src));
    }
    if ('children' in node) for (const child of node.children as ChildNode[]) stack.push(child);
  }
  return [...ids];
}
