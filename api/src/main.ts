import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { parseConfig, type Config } from './config.js';
import { createSecretBox } from './domain/secret-box.js';
import { createEntraTokenVerifier } from './http/auth/entra-token-verifier.js';
import { createApp } from './http/create-app.js';
import type { ServiceDeps } from './services/deps.js';
import { ensureDefaults } from './services/ensure-defaults.js';
import { seedDemoData } from './services/seed-demo-data.js';
import { createFileBlobStore, createMemoryBlobStore } from './store/blob-store.js';
import { openLowdbStore } from './store/lowdb-store.js';
import { createMemoryStore } from './store/memory-store.js';
import { loadOrCreateSecretKey } from './store/secret-key-file.js';

// The composition root: the only place that picks concrete adapters and wires them. Nothing imports it.

const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.clientSecret', '*.client_secret', '*.secretKey', '*.access_token'];

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(`Configuration problems (see .env.example):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const config = parsed.config;
  const logger = pino({ level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' } });
  const version = readVersion();

  const services = await buildServices(config);
  await ensureDefaults(services);
  if (config.demo) {
    const seeded = await seedDemoData(services);
    if (seeded.length > 0) logger.info({ requests: seeded }, 'demo data seeded');
  }

  const identityHost = new URL(config.auth.authorityHost).origin;
  const app = createApp({
    services,
    verifyToken: createEntraTokenVerifier({ ...config.auth }),
    logger,
    version,
    mode: { demo: config.demo, store: config.store, graph: config.graph.mode },
    adminUpns: config.auth.adminUpns,
    identityHosts: [identityHost],
    staticRoots: { '/tab': 'tab/dist', '/addin': 'addin/dist' },
  });

  const server = app.listen(config.port, () => {
    logger.info({ url: `http://localhost:${config.port}/`, demo: config.demo }, 'Service Messaging API listening');
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      void services.store.close().then(() => process.exit(0));
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function buildServices(config: Config): Promise<ServiceDeps> {
  const key = config.secretKey ?? (await loadOrCreateSecretKey(config.dataDir));
  const persistent = config.store === 'lowdb';
  return {
    store: persistent ? await openLowdbStore({ file: join(config.dataDir, 'db.json') }) : createMemoryStore(),
    blobs: persistent ? createFileBlobStore(join(config.dataDir, 'blobs')) : createMemoryBlobStore(),
    secrets: createSecretBox(key),
    clock: () => new Date(),
    newId: randomUUID,
  };
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

main().catch((err: unknown) => {
  // Start-up failures (a corrupt database, an unreadable key) must say what and where, then stop.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
