import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { MailboxGate } from '../mailbox-gate.js';
import { unwrap } from './pass-through.js';
import { discardBody, requestMethod, setHeader } from './request-headers.js';

// Our own retry middleware instead of the SDK's RetryHandler, which caps Retry-After at 180 s (so it comes back
// early and is throttled again), does not retry dropped connections and retries at most 10 times (docs/graph-behaviour.md §7.3).
// A Retry-After closes the mailbox's gate for every caller; without one we back off exponentially with jitter.
// https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling

const RETRY_STATUSES = new Set([429, 503, 504]);
/** A dropped connection may have been processed; only requests that can safely run twice are sent again. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 30_000;

export type RetryOptions = {
  maxRetries: number;
  maxRetryAfterMs: number;
  sleep?: (ms: number) => Promise<void>;
};

export class RetryThrottled implements Middleware {
  private next!: Middleware;

  constructor(
    private readonly gate: MailboxGate,
    private readonly options: RetryOptions,
  ) {}

  async execute(context: Context): Promise<void> {
    const sleep = this.options.sleep ?? delay;
    for (let attempt = 0; ; attempt += 1) {
      let failure: unknown;
      try {
        await this.next.execute(context);
      } catch (error) {
        failure = error;
      }
      const response = failure === undefined ? context.response : undefined;
      const retryable = response
        ? RETRY_STATUSES.has(response.status)
        : isConnectionFailure(failure) && IDEMPOTENT.has(requestMethod(context));
      if (!retryable || attempt >= this.options.maxRetries || !isReplayable(context)) {
        if (failure !== undefined) throw failure;
        return;
      }
      const retryAfterMs = response ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      // Past our patience the caller gets the 429 (with retryAfterMs) and reschedules the work instead of blocking.
      if (retryAfterMs !== undefined && retryAfterMs > this.options.maxRetryAfterMs) return;
      await discardBody(response);
      if (retryAfterMs !== undefined) this.gate.pauseFor(retryAfterMs);
      else await sleep(backoff(attempt));
      setHeader(context, 'Retry-Attempt', String(attempt + 1));
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function backoff(attempt: number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  return exponential / 2 + Math.random() * (exponential / 2);
}

function isConnectionFailure(thrown: unknown): boolean {
  // Node's fetch reports resets, refused connections and TLS failures as TypeError('fetch failed') with a cause.
  const error = unwrap(thrown);
  return error instanceof TypeError && (error.message === 'fetch failed' || 'cause' in error);
}

function isReplayable(context: Context): boolean {
  const body = context.options?.body as unknown;
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
