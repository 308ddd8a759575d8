import { EmulatorServer, type RecordedExchange } from './server/emulator-server.js';
import { tenantInfo, type TenantInfo } from './control/tenant-info.js';
import type { Knobs } from './faults/knobs.js';

export type EmulatorOptions = {
  /** 0 picks a free port. Default 8443. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1; the certificate covers localhost and 127.0.0.1. */
  host?: string;
  /** Signing keys, the mail app's secret and the optional snapshot live here. */
  dataDir: string;
  /** Where the root CA and the localhost certificate are kept (created on first start). Default dataDir. */
  caDir?: string;
  /** Keep mailboxes in `${dataDir}/mailboxes.json` across restarts. Default false. */
  snapshot?: boolean;
  tokenLifetimeSec?: number;
  latencyMs?: number;
  /** Outlook throttling (4 concurrent requests per mailbox, 10,000 per 10 minutes). Default false. */
  throttle?: boolean;
  /** Put a first customer email into support@contoso.test. Default true. */
  seed?: boolean;
  /** Service mailboxes: support@contoso.test, then support2@ .. supportN@contoso.test (shared mailboxes). Default 1. */
  serviceMailboxes?: number;
  /** Any other realism knob (see emulator/README.md). */
  knobs?: Partial<Knobs>;
  /** Test hook: called with every answered request, $batch steps included. */
  onExchange?: (exchange: RecordedExchange) => void;
};

export type RunningEmulator = {
  /** https://localhost:PORT */
  url: string;
  port: number;
  authorityHost: string;
  graphBaseUrl: string;
  caCertPem: string;
  caCertFile: string;
  tenant: TenantInfo;
  close(): Promise<void>;
};

export type { RecordedExchange, TenantInfo, Knobs };
export * from './tenant/demo-tenant.js';
export { apiEnvironment } from './api-environment.js';

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const knobs: Partial<Knobs> = { ...options.knobs };
  if (options.tokenLifetimeSec !== undefined) knobs.tokenLifetimeSec = options.tokenLifetimeSec;
  if (options.latencyMs !== undefined) knobs.latencyMs = options.latencyMs;
  if (options.throttle !== undefined) knobs.throttle = options.throttle;
  const server = await EmulatorServer.start({
    port: options.port ?? 8443,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir,
    caDir: options.caDir ?? options.dataDir,
    snapshot: options.snapshot ?? false,
    seed: options.seed ?? true,
    serviceMailboxes: options.serviceMailboxes ?? 1,
    knobs,
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  });
  const url = server.origin;
  return {
    url,
    port: Number(new URL(url).port),
    authorityHost: url,
    graphBaseUrl: `${url}/v1.0`,
    caCertPem: server.certificates.caCertPem,
    caCertFile: server.certificates.caCertFile,
    tenant: tenantInfo(server.state, url),
    close: () => server.close(),
  };
}
