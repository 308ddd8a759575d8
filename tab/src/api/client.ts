import { ApiError, parseErrorBody, UNREACHABLE_MESSAGE } from '../../../web-shared/api-error';

export { ApiError };

// One fetch wrapper for the whole tab: bearer token, JSON, and the API's error body turned into an
// ApiError whose message is written for people (docs/architecture.md §5), so every screen can simply show it.

export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Record<string, QueryValue>;

export type ApiClient = {
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T>;
  download(path: string): Promise<Blob>;
  /** A streamed response's body (server-sent events), authenticated like every other call. */
  stream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
};

export type ApiClientOptions = {
  getToken?: () => Promise<string>;
  /** Called on 401: the session is over (expired or refused token); the app sends the user to sign in. */
  onUnauthorized?: (message: string) => void;
};

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const url = (path: string, query?: Query): string => {
    const base = path.startsWith('/api/') ? path : `/api${path}`;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === '') continue;
      params.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    const search = params.toString();
    return search ? `${base}?${search}` : base;
  };

  const authHeaders = async (): Promise<Record<string, string>> =>
    options.getToken ? { authorization: `Bearer ${await options.getToken()}` } : {};

  async function send(
    method: string,
    path: string,
    init: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...(await authHeaders()) };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url(path, init.query), {
        method,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network_error', UNREACHABLE_MESSAGE);
    }
    if (!res.ok) throw await toApiError(res.status, () => res.text());
    return res;
  }

  async function toApiError(status: number, readBody: () => Promise<string>): Promise<ApiError> {
    const error = parseErrorBody(status, await readBody().catch(() => ''));
    if (status === 401) options.onUnauthorized?.(error.message);
    return error;
  }

  const json = async <T>(res: Response): Promise<T> =>
    res.status === 204 ? (undefined as T) : ((await res.json()) as T);

  return {
    get: async (path, query, signal) =>
      json(await send('GET', path, { query, ...(signal ? { signal } : {}) })),
    post: async (path, body) => json(await send('POST', path, { body: body ?? {} })),
    put: async (path, body) => json(await send('PUT', path, { body })),
    patch: async (path, body) => json(await send('PATCH', path, { body })),
    delete: async (path) => {
      await send('DELETE', path);
    },
    download: async (path) => (await send('GET', path)).blob(),
    stream: async (path, signal) => {
      const res = await send('GET', path, { signal });
      if (!res.body) throw new ApiError(0, 'network_error', UNREACHABLE_MESSAGE);
      return res.body;
    },
    // XMLHttpRequest, not fetch: only it reports upload progress, and attachments can be 150 MB.
    upload: async <T>(path: string, form: FormData, onProgress?: (fraction: number) => void) => {
      const headers = await authHeaders();
      return new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url(path));
        for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
        xhr.setRequestHeader('accept', 'application/json');
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress?.(e.loaded / e.total);
        };
        xhr.onerror = () => reject(new ApiError(0, 'network_error', UNREACHABLE_MESSAGE));
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
          else void toApiError(xhr.status, async () => xhr.responseText).then(reject);
        };
        xhr.send(form);
      });
    },
  };
}
