import type { EmuRequest, EmuResponse } from '../../core/emu-http.js';
import { GraphHttpError, graphError } from '../../core/graph-error.js';
import { parseJsonBody } from '../json-body.js';

type Step = {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
};

const MAX_STEPS = 20;

/**
 * POST /$batch (docs/graph-behaviour.md §7.2): up to 20 steps run through the normal pipeline (so each can be throttled on its
 * own: a 429 inside a 200), `dependsOn` orders them, a failed dependency gives 424, and responses come back in
 * no particular order.
 */
export async function runBatch(
  req: EmuRequest,
  runStep: (inner: EmuRequest) => Promise<EmuResponse>,
): Promise<EmuResponse> {
  try {
    const steps = parseSteps(req);
    const done = new Map<string, Promise<EmuResponse>>();
    const run = async (step: Step): Promise<EmuResponse> => {
      const dependencies = await Promise.all(step.dependsOn.map((d) => done.get(d.toLowerCase())!));
      if (dependencies.some((r) => r.status >= 400)) {
        return graphError(req, 424, 'FailedDependency', 'A request this one depends on failed.');
      }
      return runStep(innerRequest(req, step));
    };
    for (const step of steps) done.set(step.id.toLowerCase(), run(step));
    const results = await Promise.all(
      steps.map(async (step) => ({ step, response: await done.get(step.id.toLowerCase())! })),
    );
    const responses = shuffle(results).map(({ step, response }) => toBatchResponse(step.id, response));
    return { status: 200, json: { responses } };
  } catch (error) {
    if (error instanceof GraphHttpError) return graphError(req, error.status, error.code, error.message);
    throw error;
  }
}

function parseSteps(req: EmuRequest): Step[] {
  const payload = parseJsonBody(req.body) as { requests?: unknown };
  if (!payload || !Array.isArray(payload.requests) || payload.requests.length === 0) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Invalid batch payload format: a non-empty requests array is required.',
    );
  }
  if (payload.requests.length > MAX_STEPS)
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Number of batch request steps exceeds the maximum of ${MAX_STEPS}.`,
    );
  const steps = payload.requests.map((raw: unknown): Step => {
    const o = (raw ?? {}) as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.method !== 'string' || typeof o.url !== 'string') {
      throw new GraphHttpError(
        400,
        'BadRequest',
        'Each batch request step needs a string id, method and url.',
      );
    }
    const headers = Object.fromEntries(
      Object.entries((o.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k.toLowerCase(),
        String(v),
      ]),
    );
    if (o.body !== undefined && !headers['content-type']) {
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Content-Type header must be specified when a body is present (request '${o.id}').`,
      );
    }
    const dependsOn = Array.isArray(o.dependsOn) ? o.dependsOn.map(String) : [];
    return { id: o.id, method: o.method.toUpperCase(), url: o.url, headers, body: o.body, dependsOn };
  });
  const ids = steps.map((s) => s.id.toLowerCase());
  if (new Set(ids).size !== ids.length)
    throw new GraphHttpError(400, 'BadRequest', 'Batch request steps must have unique ids.');
  steps.forEach((step, index) => {
    for (const d of step.dependsOn) {
      const at = ids.indexOf(d.toLowerCase());
      if (at < 0 || at >= index)
        throw new GraphHttpError(
          400,
          'BadRequest',
          `Request '${step.id}' depends on '${d}', which is not an earlier request in the batch.`,
        );
    }
  });
  return steps;
}

function innerRequest(outer: EmuRequest, step: Step): EmuRequest {
  const url = new URL(step.url.replace(/^\/?(v1\.0\/)?/, '/v1.0/'), outer.origin);
  const body =
    step.body === undefined
      ? Buffer.alloc(0)
      : typeof step.body === 'string' && !step.headers['content-type']?.includes('json')
        ? Buffer.from(step.body, 'base64')
        : Buffer.from(JSON.stringify(step.body));
  return {
    method: step.method,
    path: url.pathname,
    query: url.searchParams,
    headers: { ...step.headers, authorization: outer.headers.authorization ?? '' },
    body,
    bodyLength: body.length,
    requestId: outer.requestId,
    clientRequestId: outer.clientRequestId,
    origin: outer.origin,
    batched: true,
  };
}

function toBatchResponse(id: string, r: EmuResponse): Record<string, unknown> {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let body: unknown;
  if (r.json !== undefined) {
    headers['content-type'] =
      'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
    body = r.json;
  } else if (r.bytes !== undefined || r.text !== undefined) {
    // Non-JSON inner bodies come back base64-encoded.
    body = (r.bytes ?? Buffer.from(r.text ?? '')).toString('base64');
  }
  return { id, status: r.reset ? 502 : r.status, headers, ...(body !== undefined ? { body } : {}) };
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
