import { ApiError, parseErrorBody, UNREACHABLE_MESSAGE } from '../../../web-shared/api-error';

export { ApiError };

// One fetch wrapper for the pane: bearer token, JSON, and the API's error body turned into an ApiError whose
// message is written for people (docs/architecture.md §5), so every part of the pane can simply show it.

export type ApiClient = {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
};

// A proxy in front of the API may refuse a large filing before the API can explain it in its own words.
const TOO_LARGE = 'The email with its attachments is too large to send; untick some attachments.';

export type ApiClientOptions = {
  getToken?: () => Promise<string>;
  /** 401: the token expired or was refused. */
  onUnauthorized?: (message: string) => void;
  /** 403: signed in, but without the role the call needs. */
  onForbidden?: (message: string) => void;
};

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const { getToken } = options;
  async function send<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (getToken) headers.authorization = `Bearer ${await getToken()}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`/api${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network_error', UNREACHABLE_MESSAGE);
    }
    if (!res.ok) {
      const error = parseErrorBody(
        res.status,
        await res.text().catch(() => ''),
        res.status === 413 ? TOO_LARGE : undefined,
      );
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
