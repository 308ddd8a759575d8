import { describe, expect, it } from 'vitest';
import { extractReply } from '../../../../api/src/reply/extract/extract-reply.js';

// Html replies are cut by the first lines of their rendering when the boundary is among them and nothing below it can
// be the writer's (extract-html-reply.ts, renderForCut); everything else renders the whole body. These replies sit on
// both sides of that line: the note and the folded history must be the same whichever rendering decided the cut.

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const paragraphs = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${prefix} ${i + 1}.</p>`).join('');
const OUTLOOK_HEADER =
  '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>From:</b> Service Desk &lt;support@contoso.com&gt;<br>' +
  '<b>Sent:</b> Monday, 12 February 2024 10:15<br><b>To:</b> Anna<br><b>Subject:</b> Your request</p></div>';

describe('a reply above a long history', () => {
  it('keeps the note and folds the whole history, down to its last line', () => {
    const reply = extractReply({
      html: `<div><p>Works now, thanks.</p>${OUTLOOK_HEADER}${paragraphs('Quoted line', 3000)}</div>`,
    });
    expect(reply.text).toBe('Works now, thanks.');
    expect(reply.boundary).toEqual({ kind: 'outlook-separator', source: 'html' });
    expect(reply.layout).toBe('top-posted');
    expect(reply.elidedText).toContain('Quoted line 1.');
    expect(reply.elidedText).toContain('Quoted line 3000.');
    expect(reply.elidedHtml).toContain('Quoted line 3000.');
  });

  it('keeps a note longer than the first look, with the boundary below it', () => {
    const reply = extractReply({
      html: `<div>${paragraphs('My line', 450)}${OUTLOOK_HEADER}${paragraphs('Quoted line', 500)}</div>`,
    });
    expect(reply.text.split('\n').filter(Boolean)).toHaveLength(450);
    expect(reply.text).toContain('My line 450.');
    expect(reply.text).not.toContain('Quoted line');
    expect(reply.elidedText).toContain('Quoted line 500.');
  });

  it('finds the boundary right at the end of the first look, where the look-ahead needs the lines below', () => {
    for (const written of [185, 190, 195, 199, 200, 205]) {
      const reply = extractReply({
        html: `<div>${paragraphs('My line', written)}${OUTLOOK_HEADER}${paragraphs('Quoted line', 400)}</div>`,
      });
      expect(reply.text.split('\n').filter(Boolean)).toHaveLength(written);
      expect(reply.text).not.toContain('Quoted line');
      expect(reply.elidedText).toContain('Sent: Monday, 12 February 2024 10:15');
    }
  });

  it('keeps answers between quotes longer than the first look, and folds each quoted line once', () => {
    const quote = (html: string) =>
      `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid #ccc;padding-left:1ex">${html}</blockquote>`;
    const html =
      '<div>See my answers below.</div><div><br></div><div class="gmail_attr">On Mon, 12 Feb 2024 at 10:15, Service Desk &lt;support@contoso.com&gt; wrote:<br></div>' +
      `${quote(paragraphs('Which printer? Quoted line', 400))}<div>The one on floor 3.</div>${quote(paragraphs('Since when? Quoted line', 400))}<div>Since Monday.</div>`;
    const reply = extractReply({ html });
    expect(words(reply.text)).toBe('See my answers below. The one on floor 3. Since Monday.');
    expect(reply.layout).toBe('interleaved');
    // Every line of a quote named the quote for removal; folded once per line, the history grew with its square.
    expect(reply.elidedText.split('Which printer? Quoted line 400.')).toHaveLength(2);
    expect(reply.elidedHtml?.split('Since when? Quoted line 400.')).toHaveLength(2);
  });
});
