import { ClientSecretCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';
import type { EmulatorOptions } from '../../emulator/src/index.js';

/** Where the conformance suite runs: the emulator, or a real tenant when GRAPH_LIVE=1 and credentials are set. */
export type GraphTarget = {
  live: boolean;
  graph: Client;
  credential: ClientSecretCredential;
  /** The mailbox the cases work in. */
  mailbox: string;
  tenantId: string;
  clientId: string;
  /** Origin for raw fetch calls (https://graph.microsoft.com or the emulator). */
  graphOrigin: string;
  emulator: TestEmulator | undefined;
  /** Raw Graph call with the app's token (for checking status codes without SDK retries). */
  fetchGraph(path: string, init?: RequestInit & { prefer?: string }): Promise<Response>;
  close(): Promise<void>;
};

const LIVE_VARS = ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'GRAPH_MAILBOX'] as const;

/** Why live mode is off (printed by the suites), or undefined when it is on. */
export function liveSkipReason(): string | undefined {
  if (process.env.GRAPH_LIVE !== '1') return 'GRAPH_LIVE is not 1: running against the emulator';
  const missing = LIVE_VARS.filter((v) => !process.env[v]);
  return missing.length > 0
    ? `GRAPH_LIVE=1 but ${missing.join(', ')} not set: running against the emulator`
    : undefined;
}

export const isLive = (): boolean => liveSkipReason() === undefined;

export async function openGraphTarget(options: Partial<EmulatorOptions> = {}): Promise<GraphTarget> {
  if (isLive()) return liveTarget();
  const emulator = await startTestEmulator(options);
  const credential = new ClientSecretCredential(
    emulator.tenant.tenantId,
    emulator.mailApp.clientId,
    emulator.mailApp.clientSecret,
    {
      authorityHost: emulator.authorityHost,
      disableInstanceDiscovery: true,
    },
  );
  const graph = Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, {
      scopes: ['https://graph.microsoft.com/.default'],
    }),
    baseUrl: `${emulator.url}/`,
    customHosts: new Set(['localhost']),
  });
  return target(
    false,
    graph,
    credential,
    'support@contoso.test',
    emulator.tenant.tenantId,
    emulator.mailApp.clientId,
    emulator.url,
    emulator,
  );
}

function liveTarget(): GraphTarget {
  const env = process.env as Record<(typeof LIVE_VARS)[number], string>;
  const credential = new ClientSecretCredential(
    env.GRAPH_TENANT_ID,
    env.GRAPH_CLIENT_ID,
    env.GRAPH_CLIENT_SECRET,
  );
  const graph = Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, {
      scopes: ['https://graph.microsoft.com/.default'],
    }),
  });
  return target(
    true,
    graph,
    credential,
    env.GRAPH_MAILBOX,
    env.GRAPH_TENANT_ID,
    env.GRAPH_CLIENT_ID,
    'https://graph.microsoft.com',
    undefined,
  );
}

function target(
  live: boolean,
  graph: Client,
  credential: ClientSecretCredential,
  mailbox: string,
  tenantId: string,
  clientId: string,
  graphOrigin: string,
  emulator: TestEmulator | undefined,
): GraphTarget {
  return {
    live,
    graph,
    credential,
    mailbox,
    tenantId,
    clientId,
    graphOrigin,
    emulator,
    async fetchGraph(path, init = {}) {
      const { token } = await credential.getToken('https://graph.microsoft.com/.default');
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      if (init.prefer) headers.set('prefer', init.prefer);
      if (init.body !== undefined && !headers.has('content-type'))
        headers.set('content-type', 'application/json');
      return fetch(path.startsWith('https://') ? path : `${graphOrigin}/v1.0${path}`, { ...init, headers });
    },
    close: async () => {
      await emulator?.close();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
