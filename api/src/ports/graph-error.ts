// What a failed Graph or Entra call looks like past the graph/ boundary (docs/architecture.md §5). The engine decides on
// `status` and `code` (never on the message text, which Graph localises and rewords): retry later, skip, or tell
// the admin. Entra (token endpoint) failures carry the AADSTS number in `aadsts`.
export type GraphErrorSource = 'graph' | 'entra' | 'network';

export class GraphError extends Error {
  readonly source: GraphErrorSource;
  /** HTTP status; 0 when no answer came back (connection reset, DNS, TLS). */
  readonly status: number;
  /** Graph's `error.code` (ErrorItemNotFound, ApplicationThrottled ...) or Entra's `error` (invalid_client ...). */
  readonly code: string;
  readonly requestId?: string;
  /** How long the service asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;
  /** Entra's AADSTS number, e.g. 7000215 for a wrong secret. */
  readonly aadsts?: number;
  /** A 401 survived a fresh token: the account needs an admin (consent revoked, secret replaced ...). */
  readonly reauthorisationRequired: boolean;

  constructor(init: {
    source: GraphErrorSource;
    status: number;
    code: string;
    message: string;
    requestId?: string;
    retryAfterMs?: number;
    aadsts?: number;
    reauthorisationRequired?: boolean;
  }) {
    super(init.message);
    this.name = 'GraphError';
    this.source = init.source;
    this.status = init.status;
    this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.aadsts !== undefined) this.aadsts = init.aadsts;
    this.reauthorisationRequired = init.reauthorisationRequired ?? false;
  }
}

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof GraphError;
}

/** Gone: the message was moved or deleted since we listed it (docs/graph-behaviour.md C16), or never was. */
export function isNotFound(error: unknown): boolean {
  return (
    isGraphError(error) &&
    error.status === 404 &&
    (error.code === 'ErrorItemNotFound' || error.code === 'ResourceNotFound')
  );
}

/** Worth trying again later on its own: throttling, a busy or unreachable service. */
export function isTransient(error: unknown): boolean {
  return isGraphError(error) && (error.status === 0 || error.status === 429 || error.status >= 500);
}
