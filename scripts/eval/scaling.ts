import { performance } from 'node:perf_hooks';
import { extractReply } from '../../api/src/reply/extract/extract-reply.js';

// Time against message size: the same reply (a line on top, Outlook's separator and header block, then quoted
// history) grown to each size, as html and as plain text; the fastest of REPEATS extractions at each size. Linear time
// means the cost per KB stays flat as the message grows; the bar for the largest is 50 ms for 1 MB (issue 17). Two more
// html shapes are the ones that used to grow with the square of the size (issue 15): an answer below a quote of one
// <div> per "> " line (each line used to re-render its block), and tags nested a thousand deep with a "<" in an
// attribute (the old nesting cap did not see them).

const SIZES_KB = [64, 256, 1024];
const REPEATS = 3;
export const MAX_MS_PER_MB = 50;
/**
 * How much the cost per KB may grow from the second-largest size to the largest and still count as linear (below
 * that, fixed costs and an early cut that looks at the top only make small messages cheaper per KB).
 */
export const MAX_PER_KB_GROWTH = 2;

/**
 * `ms` is wall time, what a worker waits; `cpuMs` the process's CPU time for the same run (GC threads included). On a
 * machine shared with other jobs the wall time also counts the time the run waited for a core, so the two part there.
 */
export type ScalingRow = {
  body: 'html' | 'text' | 'html-quoted-lines' | 'html-deep-attributes';
  kb: number;
  ms: number;
  cpuMs: number;
  msPerKb: number;
};

const HTML_PARAGRAPH =
  '<p class="MsoNormal">The printer on floor 3 shows error 0x80070005 again after the update.</p>\n';
const TEXT_LINE = '> The printer on floor 3 shows error 0x80070005 again after the update.\n';

function htmlReply(kb: number): string {
  const header =
    '<p class="MsoNormal"><b>From:</b> Service Desk<br><b>Sent:</b> Monday<br><b>To:</b> Anna<br><b>Subject:</b> Your request</p>';
  return (
    '<html><body><div class="WordSection1"><p class="MsoNormal">Works now, thanks.</p>' +
    `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">${header}</div>` +
    `${HTML_PARAGRAPH.repeat(Math.ceil((kb * 1024) / HTML_PARAGRAPH.length))}</div></body></html>`
  );
}

function quotedLinesReply(kb: number): string {
  const line = '<div>&gt; The printer on floor 3 shows error 0x80070005 again after the update.</div>';
  return `<div>On Mon, 12 Feb 2024 at 10:15, Service Desk &lt;support@contoso.com&gt; wrote:</div>${line.repeat(Math.ceil((kb * 1024) / line.length))}<div>Works now, thanks.</div>`;
}

function deepAttributesReply(kb: number): string {
  const open = '<div title="<">';
  const depth = Math.ceil((kb * 1024) / (open.length + 6));
  return `<div>Works now, thanks.</div>${open.repeat(depth)}deep${'</div>'.repeat(depth)}`;
}

const BODIES = {
  html: (kb: number) => ({ html: htmlReply(kb) }),
  text: (kb: number) => ({ text: textReply(kb) }),
  'html-quoted-lines': (kb: number) => ({ html: quotedLinesReply(kb) }),
  'html-deep-attributes': (kb: number) => ({ html: deepAttributesReply(kb) }),
} as const;

function textReply(kb: number): string {
  return `Works now, thanks.\n\nOn Mon, 12 Feb 2024 at 10:15, Service Desk <support@contoso.com> wrote:\n${TEXT_LINE.repeat(Math.ceil((kb * 1024) / TEXT_LINE.length))}`;
}

// A mail engine runs warm: every shape is extracted a few times at the smallest size before timing starts, so the first
// row does not measure the JIT compiling the extractor.
const WARM_UP_KB = 16;
const WARM_UP_ROUNDS = 5;

export function measureScaling(): ScalingRow[] {
  const shapes = Object.keys(BODIES) as Array<keyof typeof BODIES>;
  for (let round = 0; round < WARM_UP_ROUNDS; round++)
    for (const body of shapes) extractReply(BODIES[body](WARM_UP_KB));
  const rows: ScalingRow[] = [];
  for (const body of shapes) {
    for (const kb of SIZES_KB) {
      const input = BODIES[body](kb);
      let best = Infinity;
      let bestCpu = Infinity;
      for (let i = 0; i < REPEATS; i++) {
        const start = performance.now();
        const cpu = process.cpuUsage();
        extractReply(input);
        const used = process.cpuUsage(cpu);
        best = Math.min(best, performance.now() - start);
        bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
      }
      rows.push({
        body,
        kb,
        ms: Number(best.toFixed(2)),
        cpuMs: Number(bestCpu.toFixed(2)),
        msPerKb: Number((best / kb).toFixed(4)),
      });
    }
  }
  return rows;
}
