import type { AnyNode, ChildNode } from 'domhandler';
import { isElement, isHiddenElement, NON_CONTENT_TAGS } from './html-dom.js';
import { ALLOWED_TAGS, VOID_TAGS } from './sanitise-allowlist.js';
import {
  attributes,
  contentIdOf,
  imageSource,
  urlForCheck,
  type SanitiseOptions,
} from './sanitise-attributes.js';

// Serialises a parsed (and cut) html body through an allowlist, in one pass over the tree we already have, instead of
// re-parsing with a general-purpose sanitiser. What leaves here is safe to show agents in the Teams tab: no scripts,
// no event handlers, no javascript:/data: links, no CSS that loads or positions anything, no forms, frames or meta
// refresh, and `cid:` images pointing at our attachment URLs (or gone).

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
