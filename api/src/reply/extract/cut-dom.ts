import type { AnyNode, ChildNode, Text } from 'domhandler';
import { isElement } from './html-dom.js';

// Cutting a parsed body in two at a point in document order: everything before the point stays in the tree,
// everything from it on is returned (in document order) as the elided part. Ancestors of the point stay, truncated.

const MAX_TRIM_DEPTH = 64;

export type CutPoint = { node: ChildNode; offset?: number };

/** Truncates the tree at `point`; returns what was removed, in document order ("string" = a split-off text tail). */
export function cutAt(point: CutPoint): (ChildNode | string)[] {
  const removed: (ChildNode | string)[] = [];
  const { node } = point;
  let current: ChildNode = node;
  let parent = node.parent;
  if (!parent) return removed;
  const offset = point.offset ?? 0;
  let index = parent.children.indexOf(node);
  if (node.type === 'text' && offset > 0) {
    const text = node as Text;
    removed.push(text.data.slice(offset));
    text.data = text.data.slice(0, offset);
    index += 1;
  }
  for (const gone of parent.children.splice(index)) {
    gone.parent = null;
    removed.push(gone);
  }
  while (parent.parent) {
    current = parent as ChildNode;
    parent = parent.parent;
    const at = parent.children.indexOf(current);
    for (const gone of parent.children.splice(at + 1)) {
      gone.parent = null;
      removed.push(gone);
    }
  }
  return removed;
}

function hasVisibleContent(node: AnyNode): boolean {
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as AnyNode;
    if (current.type === 'text' && /[^\s\u00a0]/.test((current as Text).data)) return true;
    if (isElement(current) && current.name === 'img') return true;
    if ('children' in current) for (const child of current.children as ChildNode[]) stack.push(child);
  }
  return false;
}

/**
 * Removes what a cut leaves dangling at the end of the kept part: empty paragraphs, <br>s, rules, whitespace and
 * comments. Returns the removed nodes (they belong with the elided part).
 */
export function trimTrailingEmpty(root: AnyNode): ChildNode[] {
  // What goes at a deeper level sits before what goes at the level above it (inside that level's last child).
  const levels: ChildNode[][] = [];
  let container: AnyNode | null = root;
  // Dangling junk sits near the surface; a bounded descent keeps hostile nesting from making this quadratic.
  for (let level = 0; level < MAX_TRIM_DEPTH && container && 'children' in container; level++) {
    const children = container.children as ChildNode[];
    let end = children.length;
    while (end > 0 && !hasVisibleContent(children[end - 1] as ChildNode)) end--;
    const gone = children.splice(end);
    for (const node of gone) node.parent = null;
    levels.push(gone);
    const last = children[children.length - 1];
    container = last && isElement(last) ? last : null;
  }
  return levels.reverse().flat();
}
