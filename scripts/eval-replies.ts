import path from 'node:path';
import { loadCases } from './eval/corpus.js';
import {
  type Evaluation,
  evaluate,
  type ExtractionStats,
  type Failure,
  type SourceResult,
} from './eval/evaluate.js';
import { measureScaling, type ScalingRow } from './eval/scaling.js';
import { checkScaling, checkTargets } from './eval/targets.js';

// npm run eval:replies -- <dir> [--json] [--failures]
// Reads every case under <dir> (format: shared/corpus/README.md), runs our classification and extraction and the npm
// peers email-reply-parser and planer, and prints tables overall, per layout (top / bottom / interleaved / forward)
// and per source, and time against message size. --failures lists our inexact cases with the first line where ours and
// the expectation part.
// With --json the last line is one JSON object.

function usage(): never {
  console.error('usage: npm run eval:replies -- <corpus-dir> [--json] [--failures]');
  process.exit(2);
}

function pad(value: string, width: number): string {
  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

function extractionRow(name: string, s: ExtractionStats): string {
  return [
    pad(name, 20),
    pad(s.exact.toFixed(3), 7),
    pad(s.tokenF1.toFixed(3), 8),
    pad(s.overTrim.toFixed(3), 9),
    pad(s.underTrim.toFixed(3), 10),
    pad(s.msPerMessage.median.toFixed(4), 10),
    s.msPerMessage.p95.toFixed(4),
  ].join(' ');
}

function printSection(name: string, section: SourceResult, withConfusion: boolean): void {
  console.log(`\n== ${name}: ${section.cases} cases, ${section.ours.cases} with an expected reply`);
  if (section.ours.cases > 0) {
    console.log(
      [
        pad('tool', 20),
        pad('exact', 7),
        pad('tokenF1', 8),
        pad('overTrim', 9),
        pad('underTrim', 10),
        pad('median ms', 10),
        'p95 ms',
      ].join(' '),
    );
    console.log(extractionRow('ours', section.ours));
    for (const [peer, stats] of Object.entries(section.peers)) console.log(extractionRow(peer, stats));
  }
  if (!withConfusion) return;
  const confusion = section.ours.classification.confusion;
  const predicted = [...new Set(Object.values(confusion).flatMap((row) => Object.keys(row)))];
  console.log(
    `classification (rows: expected, columns: ours)\n${pad('', 12)}${predicted.map((p) => pad(p, 11)).join('')}`,
  );
  for (const [expected, row] of Object.entries(confusion)) {
    console.log(`${pad(expected, 12)}${predicted.map((p) => pad(String(row[p] ?? 0), 11)).join('')}`);
  }
}

/** The first line where `produced` and `expected` part, both shown (whitespace squeezed, cut to a readable width). */
function firstDifference(failure: Failure): string {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const expected = lines(failure.expected);
  const produced = lines(failure.produced);
  let i = 0;
  while (i < expected.length && i < produced.length && expected[i] === produced[i]) i++;
  const show = (line: string | undefined) =>
    line === undefined ? '(nothing)' : JSON.stringify(line.slice(0, 100));
  return `line ${i + 1}: expected ${show(expected[i])} / ours ${show(produced[i])}`;
}

function printTables(result: Evaluation, scaling: readonly ScalingRow[], withFailures: boolean): void {
  printSection('all sources', result, true);
  for (const [layout, section] of Object.entries(result.byLayout))
    printSection(`layout ${layout}`, section, false);
  for (const [source, section] of Object.entries(result.bySource)) printSection(source, section, true);
  console.log(
    '\n== time against message size (one reply grown, warm; fastest of 3; wall time, and CPU time beside it)',
  );
  for (const row of scaling)
    console.log(
      `${pad(row.body, 20)} ${pad(`${row.kb} KB`, 8)} ${pad(`${row.ms} ms`, 12)} ${pad(`cpu ${row.cpuMs} ms`, 16)} ${row.msPerKb} ms/KB`,
    );
  console.log('\n== targets (issue 17; timings are printed here, asserted nowhere)');
  for (const check of [...checkTargets(result), ...checkScaling(scaling)])
    console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${pad(check.target, 52)} ${check.actual}`);
  if (!withFailures) return;
  console.log(`\n== our inexact cases (${result.failures.length})`);
  for (const failure of result.failures) {
    const s = failure.score;
    console.log(
      `${failure.id} [${failure.layout}] f1=${s.f1.toFixed(3)}${s.overTrim ? ' overTrim' : ''}${s.underTrim ? ' underTrim' : ''}\n    ${firstDifference(failure)}`,
    );
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) usage();
  const cases = await loadCases(path.resolve(dir));
  if (cases.length === 0) {
    console.error(`no corpus cases under ${dir}`);
    process.exit(1);
  }
  const result = await evaluate(cases);
  const scaling = measureScaling();
  if (args.includes('--json')) {
    const { failures, ...rest } = result;
    console.log(JSON.stringify({ ...rest, scaling, ...(args.includes('--failures') ? { failures } : {}) }));
    return;
  }
  printTables(result, scaling, args.includes('--failures'));
}

await main();
