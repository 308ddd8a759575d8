import type { TErrorBody } from '../../../api/src/contract/common';

// One fetch wrapper for the pane: bearer token, JSON, and the API's error body turned into an ApiError whose
// message is written for people (DESIGN.md §5), so every part of the pane can simply show it.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, requestId?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }
}

export type ApiClient = {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
};

const UNREACHABLE = 'The Service Messaging API could not be reached. Check your connection and try again.';

export type ApiClientOptions = {
  getToken?: () => Promise<string>;
  /** 401: the token expired or was refused. */
  onUnauthorized?: (message: string) => void;
  /** 403: signed in, but without the role the call needs. */
  onForbidden?: (message: string) => void;
};

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const { getToken } = options;
  async function send<T>(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (getToken) headers.authorization = `Bearer ${await getToken()}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), ...(signal ? { signal } : {}) });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network_error', UNREACHABLE);
    }
    if (!res.ok) {
      const error = parseError(res.status, await res.text().catch(() => ''));
      if (res.status === 401) options.onUnauthorized?.(error.message);
      if (res.status === 403) options.onForbidden?.(error.message);
      throw error;
    }
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  return {
    get: (path, signal) => send('GET', path, undefined, signal),
    post: (path, body, signal) => send('POST', path, body, signal),
  };
}

function parseError(status: number, text: string): ApiError {
  try {
    const { error } = JSON.parse(text) as TErrorBody;
    if (typeof error?.message === 'string') return new ApiError(status, error.code, error.message, error.requestId, error.details);
  } catch {
    // Not our JSON (a proxy's error page): fall through to a plain description.
  }
  if (status === 413) return new ApiError(status, 'payload_too_large', 'The email with its attachments is too large to send; untick some attachments.');
  return new ApiError(status, 'http_error', `The API answered ${status} without an explanation.`);
}
