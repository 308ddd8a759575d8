import { GraphError } from '../ports/graph-error.js';
import type { MailboxGate } from './mailbox-gate.js';

// JSON batching for one mailbox (docs/graph-behaviour.md §7.2): the steps chained with dependsOn, so the batch holds
// one of the mailbox's slots, and the inner 429/503/504 the SDK never retries sent again after their Retry-After.

export type BatchStep = {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};
export type BatchResult = { id: string; status: number; body?: unknown; error?: GraphError };

type InnerAnswer = { id: string; status: number; headers?: Record<string, string>; body?: unknown };
/** The body of a `$batch` answer. */
export type BatchAnswer = { responses?: InnerAnswer[] };

export type BatchTransport = {
  /** POSTs a `$batch` body through the client's middleware (token, gate, outer retries). */
  post: (body: { requests: unknown[] }) => Promise<BatchAnswer | undefined>;
  gate: MailboxGate;
  maxRetries: number;
};

const MAX_BATCH = 20;
// Inner answers worth sending again (the SDK's retry middleware never sees them, docs/graph-behaviour.md C14).
const RETRYABLE = new Set([429, 503, 504]);

/** Runs up to 20 steps, re-sending the throttled ones and the 424s behind them; one result per step, in order. */
export async function runBatch(
  steps: readonly BatchStep[],
  transport: BatchTransport,
): Promise<BatchResult[]> {
  if (steps.length > MAX_BATCH) throw new RangeError(`A $batch holds at most ${MAX_BATCH} requests.`);
  const results = new Map<string, BatchResult>();
  let pending = [...steps];
  // Only throttling and outages spend a retry: a step that failed for good (say 404) breaks the chain behind it,
  // and each re-send is shorter by that step. A re-send that settled nothing and was not throttled ends it.
  for (let retries = 0; pending.length > 0;) {
    const answers = await batchOnce(pending, transport);
    for (const answer of answers) results.set(answer.id, answer);
    const retry = answers.filter((a) => a.status === 424 || RETRYABLE.has(a.status));
    const throttled = retry.filter((a) => RETRYABLE.has(a.status));
    const stuck = throttled.length === 0 && retry.length === pending.length;
    if (retry.length === 0 || stuck || (throttled.length > 0 && retries >= transport.maxRetries)) break;
    if (throttled.length > 0) retries += 1;
    const wait = Math.max(0, ...throttled.map((a) => a.error?.retryAfterMs ?? 0));
    if (wait > 0) transport.gate.pauseFor(wait);
    const again = new Set(retry.map((a) => a.id));
    pending = pending.filter((step) => again.has(step.id));
  }
  return steps.map(
    (step) =>
      results.get(step.id) ?? {
        id: step.id,
        status: 0,
        error: new GraphError({
          source: 'graph',
          status: 0,
          code: 'missingBatchResponse',
          message: 'The batch answer left this request out.',
        }),
      },
  );
}

async function batchOnce(steps: readonly BatchStep[], transport: BatchTransport): Promise<BatchResult[]> {
  const requests = steps.map((step, index) => ({
    id: step.id,
    method: step.method,
    url: step.url,
    ...(step.body !== undefined
      ? { body: step.body, headers: { 'content-type': 'application/json', ...step.headers } }
      : step.headers
        ? { headers: step.headers }
        : {}),
    ...(index > 0 ? { dependsOn: [steps[index - 1]?.id ?? ''] } : {}),
  }));
  const answer = await transport.post({ requests });
  return (answer?.responses ?? []).map((r) => ({
    id: r.id,
    status: r.status,
    ...(r.body !== undefined ? { body: r.body } : {}),
    ...(r.status >= 400 ? { error: innerError(r) } : {}),
  }));
}

function innerError(r: InnerAnswer): GraphError {
  const body = (r.body ?? {}) as {
    error?: { code?: string; message?: string; innerError?: { 'request-id'?: string } };
  };
  const retryAfter = Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const requestId = body.error?.innerError?.['request-id'];
  return new GraphError({
    source: 'graph',
    status: r.status,
    code: body.error?.code ?? `HTTP${r.status}`,
    message: body.error?.message ?? `Graph answered ${r.status} inside a batch.`,
    ...(requestId ? { requestId } : {}),
    ...(retryAfter && /^\d+$/.test(retryAfter) ? { retryAfterMs: Number(retryAfter) * 1000 } : {}),
    reauthorisationRequired: r.status === 401,
  });
}
