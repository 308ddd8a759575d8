import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NESTING, parseLimited } from '../../../api/src/reply/extract/limit-nesting.js';
import { TooComplexError, understandMessage } from '../../../api/src/reply/understand-message.js';
import { closeUnderstandPool, understand } from '../../../api/src/mail/understand/understand.js';

// The worker pool that reads bodies off the API's thread, and the parser's nesting cap it relies on.

afterAll(() => closeUnderstandPool());

const quote = (lines: number) =>
  `<div>On Mon, 1 Jan 2024 at 10:00, Desk &lt;desk@contoso.test&gt; wrote:</div>${'<div>&gt; quoted words of the earlier message</div>'.repeat(lines)}<div>Answer below.</div>`;

describe('reading bodies in a worker', () => {
  it('gives the same understanding as reading on this thread', async () => {
    const input = { body: { html: `<div>Top answer.</div>${quote(20)}` }, cidUrls: null, render: true };
    const understood = await understand(input);
    expect(understood).toEqual(understandMessage(input));
    expect(understood.reply.text).toBe('Top answer.');
    expect(understood.rendering?.visible).toContain('> quoted words');
  });

  it('refuses a body over its time as too complex, and the next body is read by a fresh worker', async () => {
    // 1 ms: a body of this size is never read that fast, so the limit is what decides.
    await expect(
      understand({ body: { html: quote(30_000) }, cidUrls: null, render: true }, 1),
    ).rejects.toBeInstanceOf(TooComplexError);
    const after = await understand({ body: { html: quote(3) }, cidUrls: null, render: false });
    expect(after.reply).toMatchObject({ text: 'Answer below.', layout: 'bottom-posted' });
  });

  it('leaves this thread free while a worker reads', async () => {
    let ticked = false;
    // A generous limit: this test is about the thread, not the budget (a loaded machine may take seconds).
    const reading = understand({ body: { html: quote(20_000) }, cidUrls: null, render: true }, 300_000).then(
      (u) => ({ u, tickedFirst: ticked }),
    );
    setImmediate(() => {
      ticked = true;
    });
    const { u, tickedFirst } = await reading;
    expect(u.reply.text).toBe('Answer below.');
    expect(tickedFirst).toBe(true);
  });
});

function depthOf(node: { children?: unknown[] }): number {
  let deepest = 0;
  const stack: Array<[{ children?: unknown[] }, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [{ children?: unknown[] }, number];
    deepest = Math.max(deepest, depth);
    for (const child of current.children ?? []) stack.push([child as { children?: unknown[] }, depth + 1]);
  }
  return deepest;
}

describe('the nesting cap', () => {
  it('counts tags the parser sees, whatever their attributes hold', () => {
    const depth = 50_000;
    const html = `${'<div title="<">'.repeat(depth)}deep${'</div>'.repeat(depth)}<p>after</p>`;
    const document = parseLimited(html, { decodeEntities: true });
    expect(depthOf(document)).toBeLessThanOrEqual(MAX_NESTING + 1);
    expect(document.children).toHaveLength(2);
  });

  it('keeps closing tags paired with the tags they close', () => {
    const document = parseLimited(
      '<div id="a"><div id="b"><div id="c">x</div>y</div>z</div>w',
      { decodeEntities: true },
      2,
    );
    const [a, w] = document.children as Array<{
      attribs?: Record<string, string>;
      children?: unknown[];
      data?: string;
    }>;
    expect(a?.attribs?.['id']).toBe('a');
    expect(w?.data).toBe('w');
    const [b, z] = (a?.children ?? []) as Array<{ attribs?: Record<string, string>; data?: string }>;
    expect(b?.attribs?.['id']).toBe('b');
    expect(z?.data).toBe('z');
  });
});
