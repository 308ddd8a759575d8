import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ensureCertificates, type Certificates } from '../certs/ensure-certificates.js';
import { loadTenant, type Tenant } from '../tenant/tenant-directory.js';
import { seedDemoContent } from '../mail/demo-content.js';
import { MailStore } from '../state/mail-store.js';
import { SnapshotFile } from '../state/snapshot-file.js';
import { handleEntra, isEntraPath } from '../entra/entra-routes.js';
import type { Knobs } from '../faults/knobs.js';
import { authenticate, runGraphRequest } from '../graph/graph-pipeline.js';
import { runBatch } from '../graph/handlers/batch.js';
import { handleUploadChunk, isUploadPath } from '../graph/handlers/upload-chunk.js';
import { GraphHttpError, graphError } from '../core/graph-error.js';
import { handleControl } from '../control/control-api.js';
import type { Services } from '../graph/services.js';
import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import { sleep } from '../core/latency.js';
import { buildServices, resetServices } from './build-services.js';
import { bodyCap, readBody } from './read-body.js';
import { write } from './write-response.js';

export type RecordedExchange = {
  method: string;
  path: string;
  query: string;
  status: number;
  batched: boolean;
  json: unknown;
};

export type ServerOptions = {
  port: number;
  host: string;
  dataDir: string;
  caDir: string;
  snapshot: boolean;
  seed: boolean;
  /** Service mailboxes in the tenant: support@ plus support2@ .. supportN@. */
  serviceMailboxes: number;
  knobs: Partial<Knobs>;
  onExchange?: (exchange: RecordedExchange) => void;
};

/** The HTTPS server: routes each request to the control API, Entra, Graph ($batch included) or an upload session. */
export class EmulatorServer {
  readonly certificates: Certificates;
  readonly tenant: Tenant;
  private readonly server: https.Server;
  private services!: Services;
  private snapshot: SnapshotFile | undefined;
  origin = '';

  private constructor(private readonly options: ServerOptions) {
    this.certificates = ensureCertificates(options.caDir);
    this.tenant = loadTenant(options.dataDir, options.serviceMailboxes);
    this.server = https.createServer(
      { key: this.certificates.leafKeyPem, cert: this.certificates.leafCertPem },
      (req, res) => {
        void this.handle(req, res);
      },
    );
  }

  static async start(options: ServerOptions): Promise<EmulatorServer> {
    const emulator = new EmulatorServer(options);
    await new Promise<void>((resolve, reject) => {
      emulator.server.once('error', reject);
      emulator.server.listen(options.port, options.host, () => resolve());
    });
    emulator.origin = `https://localhost:${(emulator.server.address() as AddressInfo).port}`;
    await emulator.wire();
    return emulator;
  }

  get state(): Services {
    return this.services;
  }

  async close(): Promise<void> {
    this.services.notifier.close();
    this.services.scheduler.close();
    this.services.keys.close();
    this.snapshot?.saveNow();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async wire(): Promise<void> {
    const { options, tenant } = this;
    const seedMailboxes = tenant.users
      .filter((u) => u.hasMailbox)
      .map((u) => ({ address: u.userPrincipalName, userId: u.id, displayName: u.displayName }));
    this.snapshot = options.snapshot
      ? new SnapshotFile(join(options.dataDir, 'mailboxes.json'), () => this.services.store.state)
      : undefined;
    const restored = this.snapshot?.load();
    const store = new MailStore(seedMailboxes, restored);
    this.services = buildServices({
      tenant,
      store,
      origin: this.origin,
      dataDir: options.dataDir,
      knobs: options.knobs,
    });
    if (this.snapshot) store.onMutation(() => this.snapshot?.schedule());
    if (!restored && options.seed) await seedDemoContent(store);
  }

  private async reset(): Promise<void> {
    await resetServices(this.services, this.options.seed);
  }

  private async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', this.origin);
    const headers = Object.fromEntries(
      Object.entries(incoming.headers).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(', ') : (v ?? ''),
      ]),
    );
    let req: EmuRequest | undefined;
    try {
      const { body, length } = await readBody(incoming, bodyCap(url.pathname));
      req = {
        method: (incoming.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        bodyLength: length,
        requestId: randomUUID(),
        clientRequestId: headers['client-request-id'] || randomUUID(),
        origin: this.origin,
        batched: false,
      };
      const { response, operation, mailbox } = await this.dispatch(req);
      this.services.stats.request(operation, mailbox, response.status);
      this.record(req, response);
      write(res, req, response);
    } catch (error) {
      console.error('[emulator] request failed', error);
      const fallback = {
        requestId: req?.requestId ?? randomUUID(),
        clientRequestId: req?.clientRequestId ?? randomUUID(),
      };
      const response = graphError(
        fallback,
        500,
        'UnknownError',
        'The M365 emulator hit an internal error; see its log.',
      );
      if (!res.headersSent) write(res, req, response);
    }
  }

  private async dispatch(
    req: EmuRequest,
  ): Promise<{ response: EmuResponse; operation: string; mailbox?: string }> {
    const s = this.services;
    const path = req.path;
    if (path.startsWith('/_emulator/')) {
      return {
        response: await handleControl(req, s, () => void this.reset()),
        operation: `control ${req.method} ${path.split('/')[2] ?? ''}`,
      };
    }
    if (req.bodyLength > bodyCap(path)) {
      return {
        response: graphError(
          req,
          413,
          'RequestEntityTooLarge',
          `The request body is ${req.bodyLength} bytes; the limit is ${bodyCap(path)} bytes.`,
        ),
        operation: 'rejected.tooLarge',
      };
    }
    const fault = s.faults.next(req, path.startsWith('/v1.0/') || isUploadPath(path));
    if (fault) {
      s.stats.fault();
      return { response: fault, operation: 'fault' };
    }
    if (isEntraPath(path)) {
      await sleep(s.faults.knobs.latencyMs);
      const entra = {
        tenant: s.tenant,
        tokens: s.tokens,
        keys: s.keys,
        codes: s.codes,
        countTokenIssued: (kind: 'app' | 'user') => s.stats.token(kind),
      };
      return {
        response: await handleEntra(req, entra),
        operation: `entra ${path.split('/').slice(2).join('/')}`,
      };
    }
    if (/^\/v1\.0\/\$batch$/i.test(path)) return { response: await this.batch(req), operation: 'batch' };
    if (path.startsWith('/v1.0/')) return runGraphRequest(req, s);
    if (isUploadPath(path)) {
      await sleep(s.faults.knobs.latencyMs);
      return { response: handleUploadChunk(req, s), operation: 'attachments.uploadChunk' };
    }
    const status = path.startsWith('/beta/') ? 501 : 404;
    return {
      response: graphError(
        req,
        status,
        status === 501 ? 'NotImplemented' : 'NotFound',
        `The M365 emulator serves no ${path}.`,
      ),
      operation: 'unknown',
    };
  }

  private async batch(req: EmuRequest): Promise<EmuResponse> {
    if (req.method !== 'POST') return graphError(req, 405, 'BadRequest', 'Use POST for $batch.');
    try {
      await authenticate(req, this.services);
    } catch (error) {
      if (error instanceof GraphHttpError)
        return graphError(req, error.status, error.code, error.message, error.headers);
      throw error;
    }
    return runBatch(req, async (inner) => {
      const fault = this.services.faults.next(inner, true);
      if (fault) this.services.stats.fault();
      const outcome = fault
        ? { response: fault, operation: 'fault' }
        : await runGraphRequest(inner, this.services);
      this.services.stats.request(
        outcome.operation,
        'mailbox' in outcome ? outcome.mailbox : undefined,
        outcome.response.status,
      );
      this.record(inner, outcome.response);
      return outcome.response;
    });
  }

  private record(req: EmuRequest, response: EmuResponse): void {
    this.options.onExchange?.({
      method: req.method,
      path: req.path,
      query: req.query.toString(),
      status: response.status,
      batched: req.batched,
      json: response.json,
    });
  }
}
