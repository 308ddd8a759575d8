import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Client, ResponseType, type Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';
import { runBatch, type BatchAnswer, type BatchResult, type BatchStep } from './graph-batch.js';
import { GRAPH_DEFAULTS, type GraphConfig } from './graph-config.js';
import { mailboxGate } from './mailbox-gate.js';
import { BearerToken } from './middleware/bearer-token.js';
import { GateSlot } from './middleware/gate-slot.js';
import { unwrap } from './middleware/pass-through.js';
import { PreferImmutableIds } from './middleware/prefer-immutable-ids.js';
import { RetryThrottled } from './middleware/retry-throttled.js';
import { SendFetch } from './middleware/send-fetch.js';
import { responseError, thrownError } from './to-graph-error.js';
import { createCredential, createTokenSource, type AccountCredentials } from './token-source.js';

// One Graph client per mail account: the SDK with our middleware chain
//   PreferImmutableIds -> RetryThrottled -> BearerToken -> GateSlot -> fetch
// so every request carries Prefer: IdType="ImmutableId", at most 4 are in flight per mailbox (shared by every
// client of that mailbox), 429/503/504 wait out Retry-After however long it is, a 401 gets one fresh token, and
// every failure leaves as a GraphError (docs/graph-behaviour.md §7, §8; docs/architecture.md §5).

export type GraphMailAccount = { tenantId: string; clientId: string; userPrincipalName: string };

export type RequestOptions = {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Read the answer's body but do not parse it (a PATCH answers with the whole message; parsing it costs for nothing). */
  ignoreBody?: boolean;
};

export type { BatchResult, BatchStep } from './graph-batch.js';

export type GraphStream = { body: Readable; contentType: string; size?: number };

export type GraphMailClient = {
  /** The mailbox this client works on (the account's UPN). */
  readonly mailbox: string;
  /** `/users/{upn}`: prefix for mailbox paths, URL-encoded. */
  readonly userPath: string;
  /** The SDK client with the same middleware, for what the helpers below do not cover (upload sessions). */
  readonly sdk: Client;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Resolves undefined for 202/204 answers without a body (sendMail, move-less actions). */
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T | undefined>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T | undefined>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** The body of a binary answer (`/$value`), streamed; the caller must read or destroy it. */
  stream(path: string, options?: RequestOptions): Promise<GraphStream>;
  /**
   * Up to 20 requests in one `$batch`, chained one after another (dependsOn), so the batch holds one of the mailbox's
   * four slots. Inner 429/503/504 (which the SDK never retries, docs/graph-behaviour.md C14) are sent again after their Retry-After,
   * as are the 424s a failed step leaves behind it; what still fails comes back per step.
   */
  batch(steps: readonly BatchStep[]): Promise<BatchResult[]>;
  /** Fetches a token (from the cache when valid): proves the tenant, client id and secret. */
  checkToken(): Promise<void>;
  /** The application roles the token carries (Mail.ReadWrite, Mail.Send ...), read from its claims. */
  tokenRoles(): Promise<string[]>;
};

const GRAPH_HOSTS = [
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
];

export function createGraphMailClient(
  account: GraphMailAccount,
  secret: AccountCredentials['secret'],
  config: GraphConfig,
): GraphMailClient {
  const newCredential = (): TokenCredential =>
    createCredential({ tenantId: account.tenantId, clientId: account.clientId, secret }, config);
  return createClientWith(account, createTokenSource(newCredential), config);
}

function createClientWith(
  account: GraphMailAccount,
  tokens: ReturnType<typeof createTokenSource>,
  config: GraphConfig,
): GraphMailClient {
  const base = new URL(config.baseUrl);
  // The SDK sends tokens only to Graph hosts and `customHosts` (host names, no port: docs/graph-behaviour.md §0.4).
  const customHosts = new Set([base.hostname]);
  const gate = mailboxGate(
    `${config.authorityHost}|${account.tenantId}|${account.clientId}|${account.userPrincipalName.toLowerCase()}`,
    config.maxInFlightPerMailbox ?? GRAPH_DEFAULTS.maxInFlightPerMailbox,
  );
  const chain: Middleware[] = [
    new PreferImmutableIds(),
    new RetryThrottled(gate, {
      maxRetries: config.maxRetries ?? GRAPH_DEFAULTS.maxRetries,
      maxRetryAfterMs: config.maxRetryAfterMs ?? GRAPH_DEFAULTS.maxRetryAfterMs,
    }),
    new BearerToken(tokens, new Set([...GRAPH_HOSTS, ...customHosts])),
    new GateSlot(gate),
    new SendFetch(),
  ];
  chain.reduce((previous, next) => {
    previous.setNext?.(next);
    return next;
  });
  const sdk = Client.initWithMiddleware({
    middleware: chain[0],
    baseUrl: `${base.origin}${base.pathname.replace(/\/+$/, '')}/`,
    defaultVersion: 'v1.0',
    customHosts,
  });

  async function token(): Promise<string> {
    try {
      return await tokens.get();
    } catch (error) {
      throw thrownError(error);
    }
  }

  async function send(
    method: string,
    path: string,
    options: RequestOptions = {},
    body?: unknown,
  ): Promise<Response> {
    let request = sdk.api(path).responseType(ResponseType.RAW);
    if (options.headers) request = request.headers(options.headers);
    if (options.query) request = request.query(options.query);
    let response: Response;
    try {
      response = (await dispatch(request, method, body)) as Response;
    } catch (error) {
      throw thrownError(unwrap(error));
    }
    if (!response.ok) throw await responseError(response);
    return response;
  }

  async function json<T>(
    method: string,
    path: string,
    options?: RequestOptions,
    body?: unknown,
  ): Promise<T | undefined> {
    const response = await send(method, path, options, body);
    if (options?.ignoreBody) {
      // Read to the end rather than cancel: a cancelled body closes the connection, and TLS to Graph is not free.
      await response.arrayBuffer();
      return undefined;
    }
    const text = await response.text();
    return text ? (JSON.parse(text) as T) : undefined;
  }

  return {
    mailbox: account.userPrincipalName,
    userPath: `/users/${encodeURIComponent(account.userPrincipalName)}`,
    sdk,
    get: async <T>(path: string, options?: RequestOptions) => (await json<T>('GET', path, options)) as T,
    post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      json<T>('POST', path, options, body ?? {}),
    patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
      json<T>('PATCH', path, options, body),
    delete: async (path: string, options?: RequestOptions) => {
      const response = await send('DELETE', path, options);
      await response.body?.cancel();
    },
    stream: async (path: string, options?: RequestOptions) => {
      const response = await send('GET', path, options);
      const length = response.headers.get('content-length');
      const body = response.body
        ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
        : Readable.from([]);
      return {
        body,
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        ...(length ? { size: Number(length) } : {}),
      };
    },
    batch: (steps) =>
      runBatch(steps, {
        post: (body) => json<BatchAnswer>('POST', '/$batch', {}, body),
        gate,
        maxRetries: config.maxRetries ?? GRAPH_DEFAULTS.maxRetries,
      }),
    checkToken: async () => {
      await token();
    },
    tokenRoles: async () => rolesOf(await token()),
  };
}

function dispatch(request: ReturnType<Client['api']>, method: string, body: unknown): Promise<unknown> {
  switch (method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(body);
    case 'PATCH':
      return request.patch(body);
    case 'PUT':
      return request.put(body);
    case 'DELETE':
      return request.delete();
    default:
      throw new RangeError(`Unsupported method ${method}`);
  }
}

/** The `roles` claim of an app token. Only read for display; Graph checks the signature, we never trust it. */
function rolesOf(jwt: string): string[] {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      roles?: unknown;
    };
    return Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
  } catch {
    return [];
  }
}
