import type { AnyNode, ChildNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { limitNesting } from './limit-nesting.js';

// A parsed html body with every node numbered in document order, so a cut found in the text rendering and one found
// in the markup can be compared ("which comes first"). Everything here walks with an explicit stack: replies with
// thousands of nested tags must not overflow the call stack.

export type IndexedDocument = {
  document: Document;
  /** Pre-order position of every node. */
  order: Map<AnyNode, number>;
  /** Elements in document order. */
  elements: Element[];
};

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function parseHtml(html: string): IndexedDocument {
  const document = parseDocument(limitNesting(html), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  return indexDocument(document);
}

export function indexDocument(document: Document): IndexedDocument {
  const order = new Map<AnyNode, number>();
  const elements: Element[] = [];
  const stack: AnyNode[] = [document];
  let position = 0;
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    order.set(node, position++);
    if (isElement(node)) elements.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return { document, order, elements };
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
  'head', 'script', 'style', 'title', 'template', 'noscript', 'xml', 'meta', 'link', 'base', 'iframe', 'frame',
  'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'select', 'textarea', 'button', 'input', 'option', 'audio',
  'video', 'canvas', 'map', 'area', 'source', 'track', 'param', 'dialog',
]);

/** Removes `node` from its parent's children (we only ever walk `children`, never the sibling links). */
export function detach(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
