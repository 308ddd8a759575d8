import { performance } from 'node:perf_hooks';
import { extractReply } from '../../api/src/mail/extract/extract-reply.js';

// Time against message size: the same reply (a line on top, Outlook's separator and header block, then quoted
// history) grown to each size, as html and as plain text; the fastest of REPEATS extractions at each size. Linear time
// means the cost per KB stays flat as the message grows; the bar for the largest is 50 ms for 1 MB (issue 17).

const SIZES_KB = [64, 256, 1024];
const REPEATS = 3;
export const MAX_MS_PER_MB = 50;
/**
 * How much the cost per KB may grow from the second-largest size to the largest and still count as linear (below
 * that, fixed costs and an early cut that looks at the top only make small messages cheaper per KB).
 */
export const MAX_PER_KB_GROWTH = 2;

export type ScalingRow = { body: 'html' | 'text'; kb: number; ms: number; msPerKb: number };

const HTML_PARAGRAPH = '<p class="MsoNormal">The printer on floor 3 shows error 0x80070005 again after the update.</p>\n';
const TEXT_LINE = '> The printer on floor 3 shows error 0x80070005 again after the update.\n';

function htmlReply(kb: number): string {
  const header = '<p class="MsoNormal"><b>From:</b> Service Desk<br><b>Sent:</b> Monday<br><b>To:</b> Anna<br><b>Subject:</b> Your request</p>';
  return (
    '<html><body><div class="WordSection1"><p class="MsoNormal">Works now, thanks.</p>' +
    `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">${header}</div>` +
    `${HTML_PARAGRAPH.repeat(Math.ceil((kb * 1024) / HTML_PARAGRAPH.length))}</div></body></html>`
  );
}

function textReply(kb: number): string {
  return `Works now, thanks.\n\nOn Mon, 12 Feb 2024 at 10:15, Service Desk <support@contoso.com> wrote:\n${TEXT_LINE.repeat(Math.ceil((kb * 1024) / TEXT_LINE.length))}`;
}

export function measureScaling(): ScalingRow[] {
  const rows: ScalingRow[] = [];
  for (const body of ['html', 'text'] as const) {
    for (const kb of SIZES_KB) {
      const input = body === 'html' ? { html: htmlReply(kb) } : { text: textReply(kb) };
      let best = Infinity;
      for (let i = 0; i < REPEATS; i++) {
        const start = performance.now();
        extractReply(input);
        best = Math.min(best, performance.now() - start);
      }
      rows.push({ body, kb, ms: Number(best.toFixed(2)), msPerKb: Number((best / kb).toFixed(4)) });
    }
  }
  return rows;
}
