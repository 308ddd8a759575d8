// htmlparser2 keeps its open-element stack with Array#unshift, which is quadratic in the nesting depth: a hostile body
// of 100,000 nested tags would take minutes to parse. No real email nests a thousand levels deep, so deeper tags are
// dropped (their text stays) before parsing. One linear scan; the html is only rebuilt when something is too deep.

const TAG = /<(\/?)([a-zA-Z][\w:-]{0,64})[^<>]*>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

export const MAX_NESTING = 1000;

export function limitNesting(html: string, maxDepth = MAX_NESTING): string {
  let depth = 0;
  let dropped: [number, number][] | undefined;
  for (const match of html.matchAll(TAG)) {
    const name = (match[2] ?? '').toLowerCase();
    if (VOID.has(name) || match[0].endsWith('/>')) continue;
    const closing = match[1] === '/';
    const level = closing ? depth : depth + 1;
    if (level > maxDepth) (dropped ??= []).push([match.index, match.index + match[0].length]);
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
  }
  if (!dropped) return html;
  let out = '';
  let from = 0;
  for (const [start, end] of dropped) {
    out += html.slice(from, start);
    from = end;
  }
  return out + html.slice(from);
}
