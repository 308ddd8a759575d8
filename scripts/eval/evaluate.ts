import { performance } from 'node:perf_hooks';
import type { MailMessage } from '../../api/src/domain/mail-message.js';
import { classifyMessage, type ClassifyContext, type MailClass } from '../../api/src/reply/classify.js';
import { extractReply } from '../../api/src/reply/extract/extract-reply.js';
import { fromMime } from '../../api/src/reply/normalise/from-mime.js';
import { inputBytes, type TCorpusCase } from './corpus.js';
import { type ReplyScore, scoreReply } from './compare.js';
import { caseLayout, type Layout } from './layout.js';
import { type PeerInput, type PeerName, type PeerOutput, PEERS } from './peers.js';
import { htmlToText } from './render.js';
import {
  type ClassificationStats,
  classificationStats,
  type ExtractionStats,
  extractionStats,
} from './stats.js';

export type { ExtractionStats } from './stats.js';

// Runs our classification + extraction and the npm peers over a directory of corpus cases, in one process, and
// aggregates what eval-replies prints: overall, per source and per layout. MIME parsing is preparation for everyone
// (outside the timings). Every tool is timed on the same work, reply extraction from the same body part:
//  - a message with an html part is read from its html by us and by planer (which cuts html itself); only
//    email-reply-parser, which reads text alone, gets the text part (or, with none, the html rendered to text, untimed);
//  - a tool's time is exactly its own call: for us extractReply (kept html, text, elided part), for a peer its one
//    function. Our classification is not reply extraction (no peer classifies) and is timed by no one; rendering
//    planer's html output to text for scoring is the evaluation's work, not planer's, and is untimed too.
// The time for a message is the fastest of REPEATS runs (the least disturbed by whatever else the machine runs). Every
// html that is compared (our kept html, planer's html output, the corpus's expected replyHtml) is rendered to text by
// the one converter in render.ts.

const REPEATS = 9;
// A mail engine runs warm; so does every tool here (cold start would measure module loading and JIT tiers, not
// parsing). Warm-up interleaves the tools, so none has gone cold again (V8 flushes unused code) when timing starts.
const WARM_UP_ROUNDS = 10;
const CONTEXT: ClassifyContext = { ownAddresses: [], ownMessageIdDomains: [] };
export const TOOLS = ['ours', 'email-reply-parser', 'planer'] as const;
export type Tool = (typeof TOOLS)[number];

export type SourceResult = {
  cases: number;
  ours: ExtractionStats & { classification: ClassificationStats };
  peers: Record<PeerName, ExtractionStats>;
};
export type Failure = { id: string; layout: Layout; score: ReplyScore; expected: string; produced: string };
export type Evaluation = SourceResult & {
  bySource: Record<string, SourceResult>;
  byLayout: Partial<Record<Layout, SourceResult>>;
  failures: Failure[];
};

type Prepared = {
  c: TCorpusCase;
  message: MailMessage;
  peerInput: PeerInput;
  expected?: string;
  layout?: Layout;
};
type CaseRun = {
  c: TCorpusCase;
  predicted: MailClass;
  layout?: Layout;
  runs?: Record<Tool, { score: ReplyScore; ms: number }>;
  expected?: string;
  produced?: string;
};

async function prepare(c: TCorpusCase): Promise<Prepared> {
  const base = {
    subject: '',
    from: { address: '' },
    to: [],
    cc: [],
    replyTo: [],
    receivedAt: new Date(0).toISOString(),
    headers: [],
    attachments: [],
  };
  const message: MailMessage =
    c.input.kind === 'eml'
      ? await fromMime(inputBytes(c.input))
      : c.input.kind === 'html'
        ? { ...base, bodyHtml: c.input.content }
        : { ...base, bodyText: c.input.content };
  const bodyText =
    message.bodyHtml !== undefined && message.bodyHtml.trim() !== ''
      ? htmlToText(message.bodyHtml)
      : undefined;
  const peerInput: PeerInput = {
    ...(message.bodyText !== undefined ? { text: message.bodyText } : {}),
    ...(bodyText !== undefined ? { html: message.bodyHtml ?? '', htmlText: bodyText } : {}),
  };
  if (c.expected.class !== 'human' || c.expected.reply === null) return { c, message, peerInput };
  const expected = c.expected.replyHtml !== undefined ? htmlToText(c.expected.replyHtml) : c.expected.reply;
  const layout = caseLayout(
    {
      text: bodyText ?? message.bodyText ?? '',
      subject: message.subject,
      ...(c.notes ? { notes: c.notes } : {}),
    },
    expected,
  );
  return { c, message, peerInput, expected, layout };
}

function extractOurs(message: MailMessage): string {
  return extractReply({ html: message.bodyHtml, text: message.bodyText }).text;
}

function runOurs(message: MailMessage): { predicted: MailClass; text: string } {
  return { predicted: classifyMessage(message, CONTEXT).class, text: extractOurs(message) };
}

/** A peer's output as text to score: its html rendered by the evaluation's converter. */
function peerText(output: PeerOutput): string {
  return 'text' in output ? output.text : htmlToText(output.html);
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function summarise(runs: readonly CaseRun[]): SourceResult {
  const scored = runs.filter((r) => r.runs);
  const tool = (name: Tool) => extractionStats(scored.map((r) => r.runs![name]));
  return {
    cases: runs.length,
    ours: {
      ...tool('ours'),
      classification: classificationStats(
        runs.map((r) => ({ expected: r.c.expected.class, predicted: r.predicted })),
      ),
    },
    peers: { 'email-reply-parser': tool('email-reply-parser'), planer: tool('planer') },
  };
}

/** Per-tool times: warm-up first, then REPEATS rounds in which every tool processes all messages in a row. */
function measure(scoredCases: readonly Prepared[]): Map<Prepared, Record<Tool, number[]>> {
  const runners = (p: Prepared): Record<Tool, () => unknown> => ({
    ours: () => extractOurs(p.message),
    'email-reply-parser': () => PEERS['email-reply-parser'](p.peerInput),
    planer: () => PEERS.planer(p.peerInput),
  });
  // Interleaving tools per message would mostly measure whose code the others evicted from the CPU caches; rotating
  // the tool order per round spreads machine load evenly over the tools.
  for (let round = 0; round < WARM_UP_ROUNDS; round++)
    for (const p of scoredCases) for (const tool of TOOLS) runners(p)[tool]();
  const samples = new Map<Prepared, Record<Tool, number[]>>(
    scoredCases.map((p) => [p, { ours: [], 'email-reply-parser': [], planer: [] }]),
  );
  for (let round = 0; round < REPEATS; round++) {
    for (let t = 0; t < TOOLS.length; t++) {
      const tool = TOOLS[(t + round) % TOOLS.length] as Tool;
      for (const p of scoredCases) samples.get(p)?.[tool].push(timed(runners(p)[tool]));
    }
  }
  return samples;
}

function groupBy<K extends string>(
  runs: readonly CaseRun[],
  key: (run: CaseRun) => K | undefined,
): Partial<Record<K, SourceResult>> {
  const keys = [...new Set(runs.map(key).filter((k): k is K => k !== undefined))].sort();
  return Object.fromEntries(keys.map((k) => [k, summarise(runs.filter((r) => key(r) === k))])) as Partial<
    Record<K, SourceResult>
  >;
}

export async function evaluate(cases: readonly TCorpusCase[]): Promise<Evaluation> {
  const prepared = await Promise.all(cases.map(prepare));
  const samples = measure(prepared.filter((p) => p.expected !== undefined));
  const runs: CaseRun[] = prepared.map((p) => {
    const ours = runOurs(p.message);
    const times = samples.get(p);
    if (!times || p.expected === undefined) return { c: p.c, predicted: ours.predicted };
    const expectation = { ...p.c.expected, reply: p.expected };
    const outputs: Record<Tool, string> = {
      ours: ours.text,
      'email-reply-parser': peerText(PEERS['email-reply-parser'](p.peerInput)),
      planer: peerText(PEERS.planer(p.peerInput)),
    };
    const toolRuns = Object.fromEntries(
      TOOLS.map((tool) => [
        tool,
        { score: scoreReply(outputs[tool], expectation), ms: Math.min(...times[tool]) },
      ]),
    ) as Record<Tool, { score: ReplyScore; ms: number }>;
    return {
      c: p.c,
      predicted: ours.predicted,
      ...(p.layout ? { layout: p.layout } : {}),
      runs: toolRuns,
      expected: p.expected,
      produced: ours.text,
    };
  });
  return {
    ...summarise(runs),
    bySource: groupBy(runs, (r) => r.c.group) as Record<string, SourceResult>,
    byLayout: groupBy(runs, (r) => (r.runs ? r.layout : undefined)),
    failures: runs
      .filter((r) => r.runs && !r.runs.ours.score.exact)
      .map((r) => ({
        id: r.c.id,
        layout: r.layout ?? 'unplaced',
        score: r.runs!.ours.score,
        expected: r.expected ?? '',
        produced: r.produced ?? '',
      })),
  };
}
