// Which layout a corpus case has, read from the case itself (where the expected words sit in the input), never from
// what our extractor did, so the per-layout figures say how each tool does on each kind of mail:
//  - forward: the case is a forwarded message (the corpus notes say so, or the subject carries a forward prefix);
//  - top: the new text comes first and the history below it (also a message that is only history: nothing written);
//  - bottom: history first, the new text below it;
//  - interleaved: the new text sits in pieces between quoted passages;
//  - no-history: the input holds nothing but the expected text.
// The expected reply is split into paragraphs (at blank lines, and at the ">" lines sources that keep quotes leave in),
// each found in order in the input with all whitespace removed; what lies before, between and after the blocks tells the layout.

export const LAYOUTS = ['top', 'bottom', 'interleaved', 'forward', 'no-history', 'unplaced'] as const;
export type Layout = (typeof LAYOUTS)[number];

const FORWARD_SUBJECT = /^\s*(?:fwd?|fw|wg|tr|rv|enc|doorst|vs|vb|i)\s*:/i;
const MEANINGFUL = /[\p{L}\p{N}]/u;

function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

function blocks(expected: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of expected.split('\n')) {
    if (/^\s*>/.test(line) || !/\S/.test(line)) {
      out.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  out.push(current.join('\n'));
  return out.map(squash).filter((block) => block.length > 0);
}

/** Where `block` sits in `input` at or after `from`: exact, or between its first and last 40 characters. */
function locate(input: string, block: string, from: number): [number, number] | undefined {
  const exact = input.indexOf(block, from);
  if (exact >= 0) return [exact, exact + block.length];
  const head = block.slice(0, 40);
  const tail = block.slice(-40);
  const start = input.indexOf(head, from);
  if (start < 0) return undefined;
  const end = input.indexOf(tail, start + head.length);
  return end < 0 ? undefined : [start, end + tail.length];
}

export function caseLayout(
  input: { text: string; subject?: string; notes?: string },
  expectedReply: string,
): Layout {
  if (/forwarded message/i.test(input.notes ?? '') || FORWARD_SUBJECT.test(input.subject ?? ''))
    return 'forward';
  const body = squash(input.text);
  const pieces = blocks(expectedReply);
  if (pieces.length === 0) return 'top';
  const ranges: [number, number][] = [];
  let from = 0;
  for (const piece of pieces) {
    const range = locate(body, piece, from);
    if (!range) continue;
    ranges.push(range);
    from = range[1];
  }
  const first = ranges[0];
  const last = ranges.at(-1);
  if (!first || !last) return 'unplaced';
  const between = ranges
    .slice(1)
    .some(([start], i) => MEANINGFUL.test(body.slice(ranges[i]?.[1] ?? start, start)));
  if (between) return 'interleaved';
  const above = body.slice(0, first[0]);
  const below = body.slice(last[1]);
  const hasAbove = MEANINGFUL.test(above);
  const hasBelow = MEANINGFUL.test(below);
  if (hasAbove && (!hasBelow || above.length > below.length)) return 'bottom';
  return hasBelow ? 'top' : 'no-history';
}
