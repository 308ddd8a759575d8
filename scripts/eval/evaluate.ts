import { performance } from 'node:perf_hooks';
import type { MailMessage } from '../../api/src/domain/mail-message.js';
import { classifyMessage, type ClassifyContext, type MailClass } from '../../api/src/mail/classify.js';
import { extractReply } from '../../api/src/mail/extract/extract-reply.js';
import { parseHtml } from '../../api/src/mail/extract/html-dom.js';
import { linesToText, renderLines } from '../../api/src/mail/extract/render-text.js';
import { fromMime } from '../../api/src/mail/normalise/from-mime.js';
import { inputBytes, type TCorpusCase } from './corpus.js';
import { type ReplyScore, scoreReply } from './compare.js';
import { type PeerInput, type PeerName, PEERS } from './peers.js';

// Runs our classification + extraction and the npm peers over a directory of corpus cases, in one process, and
// aggregates what eval-replies prints. MIME parsing is preparation for everyone (outside the timings). A tool's time for
// a message is the fastest of REPEATS runs of exactly its own call (the least disturbed by whatever else the machine
// runs): for us classification + extraction (html, text, elided part), for a peer its one function (planer's html
// output is rendered to text afterwards, untimed). msPerMessage is the median and p95 of those over the messages.

const REPEATS = 9;
// A mail engine runs warm; so does every tool here (cold start would measure module loading and JIT tiers, not
// parsing). Warm-up interleaves the tools, so none has gone cold again (V8 flushes unused code) when timing starts.
const WARM_UP_ROUNDS = 10;
const CONTEXT: ClassifyContext = { ownAddresses: [], ownMessageIdDomains: [] };
export const TOOLS = ['ours', 'email-reply-parser', 'planer'] as const;
export type Tool = (typeof TOOLS)[number];

export type ExtractionStats = {
  cases: number;
  exact: number;
  tokenF1: number;
  overTrim: number;
  underTrim: number;
  msPerMessage: { median: number; p95: number };
};
export type Confusion = Record<string, Record<string, number>>;
export type ClassificationStats = { confusion: Confusion; recall: Record<string, number>; humanAsNonHuman: number };
export type SourceResult = { cases: number; ours: ExtractionStats & { classification: ClassificationStats }; peers: Record<PeerName, ExtractionStats> };
export type Evaluation = SourceResult & { bySource: Record<string, SourceResult>; failures: { id: string; score: ReplyScore }[] };

type Prepared = { c: TCorpusCase; message: MailMessage; peerInput: PeerInput };
type CaseRun = { c: TCorpusCase; predicted: MailClass; scores?: Record<Tool, ReplyScore>; ms?: Record<Tool, number> };

async function prepare(c: TCorpusCase): Promise<Prepared> {
  const base = { subject: '', from: { address: '' }, to: [], cc: [], replyTo: [], receivedAt: new Date(0).toISOString(), headers: [], attachments: [] };
  const message: MailMessage =
    c.input.kind === 'eml'
      ? await fromMime(inputBytes(c.input))
      : c.input.kind === 'html'
        ? { ...base, bodyHtml: c.input.content }
        : { ...base, bodyText: c.input.content };
  const peerInput: PeerInput =
    message.bodyText !== undefined
      ? { text: message.bodyText }
      : { html: message.bodyHtml ?? '', htmlText: htmlToText(message.bodyHtml ?? '') };
  return { c, message, peerInput };
}

function htmlToText(html: string): string {
  return linesToText(renderLines([parseHtml(html).document]));
}

function runOurs(message: MailMessage): { predicted: MailClass; text: string } {
  const classification = classifyMessage(message, CONTEXT);
  const reply = extractReply({ html: message.bodyHtml, text: message.bodyText });
  return { predicted: classification.class, text: reply.text };
}

function runPeer(name: PeerName, input: PeerInput): () => string {
  return () => {
    const output = PEERS[name](input);
    return 'text' in output ? output.text : htmlToText(output.html);
  };
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

function extractionStats(runs: readonly CaseRun[], tool: Tool): ExtractionStats {
  const scored = runs.filter((r) => r.scores);
  const share = (pick: (s: ReplyScore) => boolean) => (scored.length ? scored.filter((r) => pick(r.scores![tool])).length / scored.length : 0);
  const times = scored.map((r) => r.ms![tool]);
  return {
    cases: scored.length,
    exact: round(share((s) => s.exact)),
    tokenF1: round(scored.length ? scored.reduce((sum, r) => sum + r.scores![tool].f1, 0) / scored.length : 0),
    overTrim: round(share((s) => s.overTrim)),
    underTrim: round(share((s) => s.underTrim)),
    msPerMessage: { median: round(median(times)), p95: round(percentile(times, 95)) },
  };
}

function classificationStats(runs: readonly CaseRun[]): ClassificationStats {
  const confusion: Confusion = {};
  for (const run of runs) {
    const row = (confusion[run.c.expected.class] ??= { human: 0, 'auto-reply': 0, bounce: 0 });
    row[run.predicted] = (row[run.predicted] ?? 0) + 1;
  }
  const recall: Record<string, number> = {};
  for (const [klass, row] of Object.entries(confusion)) {
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    recall[klass] = round(total ? (row[klass] ?? 0) / total : 0);
  }
  const human = confusion['human'] ?? {};
  const humanAsNonHuman = Object.entries(human).filter(([k]) => k !== 'human').reduce((sum, [, n]) => sum + n, 0);
  return { confusion, recall, humanAsNonHuman };
}

function summarise(runs: readonly CaseRun[]): SourceResult {
  return {
    cases: runs.length,
    ours: { ...extractionStats(runs, 'ours'), classification: classificationStats(runs) },
    peers: { 'email-reply-parser': extractionStats(runs, 'email-reply-parser'), planer: extractionStats(runs, 'planer') },
  };
}

export async function evaluate(cases: readonly TCorpusCase[]): Promise<Evaluation> {
  const prepared = await Promise.all(cases.map(prepare));
  const scoredCases = prepared.filter((p) => p.c.expected.class === 'human' && p.c.expected.reply !== null);
  const runners = (p: Prepared): Record<Tool, () => string> => ({
    ours: () => runOurs(p.message).text,
    'email-reply-parser': runPeer('email-reply-parser', p.peerInput),
    planer: runPeer('planer', p.peerInput),
  });
  // Warm up every code path. Then time REPEATS rounds; in each, every tool processes all messages in a row, as a mail
  // engine does (interleaving tools per message would mostly measure whose code the others evicted from the CPU
  // caches). Rotating the tool order per round spreads machine load evenly over the tools.
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const p of scoredCases) for (const tool of TOOLS) runners(p)[tool]();
  const samples = new Map<Prepared, Record<Tool, number[]>>(scoredCases.map((p) => [p, { ours: [], 'email-reply-parser': [], planer: [] }]));
  for (let round = 0; round < REPEATS; round++) {
    for (let t = 0; t < TOOLS.length; t++) {
      const tool = TOOLS[(t + round) % TOOLS.length] as Tool;
      for (const p of scoredCases) samples.get(p)?.[tool].push(timed(runners(p)[tool]));
    }
  }
  const runs: CaseRun[] = prepared.map((p) => {
    const ours = runOurs(p.message);
    const entry = samples.get(p);
    if (!entry || p.c.expected.reply === null) return { c: p.c, predicted: ours.predicted };
    const expectation = { ...p.c.expected, reply: p.c.expected.reply };
    const run = runners(p);
    const scores = Object.fromEntries(TOOLS.map((tool) => [tool, scoreReply(tool === 'ours' ? ours.text : run[tool](), expectation)])) as Record<Tool, ReplyScore>;
    const ms = Object.fromEntries(TOOLS.map((tool) => [tool, Math.min(...entry[tool])])) as Record<Tool, number>;
    return { c: p.c, predicted: ours.predicted, scores, ms };
  });
  const groups = [...new Set(runs.map((r) => r.c.group))].sort();
  return {
    ...summarise(runs),
    bySource: Object.fromEntries(groups.map((g) => [g, summarise(runs.filter((r) => r.c.group === g))])),
    failures: runs.filter((r) => r.scores && !r.scores.ours.exact).map((r) => ({ id: r.c.id, score: r.scores!.ours })),
  };
}
