import type { AnyNode, ChildNode, Document, Element, ParentNode } from 'domhandler';
import { parseLimited } from './limit-nesting.js';

// A parsed html body with every node numbered in document order, so a cut found in the text rendering and one found
// in the markup can be compared ("which comes first"). The number is where the parser met the node in the source
// (its startIndex): the parser creates nodes in document order, so no separate numbering pass or map is needed.
// Everything here walks with an explicit stack: replies with thousands of nested tags must not overflow the call stack.

export type IndexedDocument = {
  document: Document;
  /** Document-order position of every node (undefined for a node the parser did not make). */
  order: NodeOrder;
  /** Elements in document order. */
  elements: Element[];
};

export type NodeOrder = { get(node: AnyNode): number | undefined };

const SOURCE_ORDER: NodeOrder = { get: (node) => node.startIndex ?? undefined };

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function parseHtml(html: string): IndexedDocument {
  const document = parseLimited(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    withStartIndices: true,
  });
  return indexDocument(document);
}

export function indexDocument(document: Document): IndexedDocument {
  const elements: Element[] = [];
  const stack: AnyNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElement(node)) elements.push(node);
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return { document, order: SOURCE_ORDER, elements };
}

export function classList(element: Element): string[] {
  const value = element.attribs['class'];
  return value ? value.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

export function hasClass(element: Element, name: string): boolean {
  return classList(element).includes(name);
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)\b/i;

/** Content readers never see: hidden by style or attribute. */
export function isHiddenElement(element: Element): boolean {
  if ('hidden' in element.attribs) return true;
  const style = element.attribs['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Elements whose content is never text: they are skipped when rendering and dropped when sanitising. */
export const NON_CONTENT_TAGS = new Set([
  'head',
  'script',
  'style',
  'title',
  'template',
  'noscript',
  'xml',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'select',
  'textarea',
  'button',
  'input',
  'option',
  'audio',
  'video',
  'canvas',
  'map',
  'area',
  'source',
  'track',
  'param',
  'dialog',
]);

/** Removes `node` from its parent's children (we only ever walk `children`, never the sibling links). */
export function detach(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
}

/**
 * Removes many nodes at once: each parent's children are filtered once, where detaching them one by one would search
 * the siblings for each (quadratic when a quote is thousands of sibling lines). A node inside another one removed
 * stays inside it. Returns the outermost removed nodes in the order given, each once.
 */
export function detachAll(nodes: readonly ChildNode[]): ChildNode[] {
  const chosen = new Set(nodes);
  // Each node once, though callers may name one several times (a quote holding many lines): returned twice, it would be
  // folded twice, and a quote of n lines n times over.
  const outermost = [...chosen].filter((node) => {
    for (let current = node.parent; current; current = current.parent)
      if (chosen.has(current as ChildNode)) return false;
    return true;
  });
  const byParent = new Map<ParentNode, Set<ChildNode>>();
  for (const node of outermost) {
    if (!node.parent) continue;
    const set = byParent.get(node.parent) ?? new Set<ChildNode>();
    set.add(node);
    byParent.set(node.parent, set);
  }
  for (const [parent, gone] of byParent) {
    parent.children = parent.children.filter((child) => !gone.has(child));
    for (const node of gone) node.parent = null;
  }
  return outermost;
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent)
    if (current === ancestor) return true;
  return false;
}
