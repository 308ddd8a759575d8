import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createSecretBox } from './domain/secret-box.js';
import { createDemoDirectory } from './graph/demo-directory.js';
import { createDemoMailbox } from './graph/demo-mailbox.js';
import { readEmulatorMailApp } from './graph/emulator-mail-app.js';
import { createEntraTokenVerifier } from './http/auth/entra-token-verifier.js';
import { createApp } from './http/create-app.js';
import type { MailEngineRunner } from './mail/mail-engine.js';
import { MailCluster } from './mail/mail-cluster.js';
import { createLocalCoordination } from './store/local-coordination.js';
import { PostgresCoordination } from './store/postgres/postgres-coordination.js';
import { warmUnderstandPool } from './mail/understand/understand.js';
import type { OutboundWorker } from './mail/outbound/outbound-worker.js';
import { createMailEngine, createOutbound } from './compose-mail.js';
import type { ServiceDeps } from './services/deps.js';
import { ensureDefaults } from './services/settings/ensure-defaults.js';
import { ensureDemoMailAccount } from './services/demo/ensure-demo-mail-account.js';
import { seedDemoData } from './services/demo/seed-demo-data.js';
import { seedDemoRules } from './services/demo/seed-demo-rules.js';
import { openAzureBlobStore } from './store/azure-blob-store.js';
import { createFileBlobStore } from './store/file-blob-store.js';
import { createMemoryBlobStore } from './store/memory-blob-store.js';
import type { BlobStore } from './ports/blob-store.js';
import { scheduleOrphanBlobSweep } from './mail/orphan-blob-sweep.js';
import { openLowdbStore } from './store/lowdb-store.js';
import { openEcIdKeyStore } from './store/open-ec-id-key-store.js';
import { createMemoryStore } from './store/memory-store.js';
import type { Store } from './ports/store.js';
import { PostgresStore } from './store/postgres/postgres-store.js';
import { createLocalClusterState } from './store/local-cluster-state.js';
import { checkSecretKey } from './services/settings/check-shared-settings.js';
import { LiveEcIdKeyring } from './services/ec-id-keys/live-ec-id-keyring.js';
import { watchLostInstances } from './mail/lost-instances.js';
import { leaseTickMs } from './mail/mailbox-lease.js';
import { loadOrCreateSecretKey } from './store/secret-key-file.js';
import { ensurePrivateDir } from './store/durable-fs.js';

// Wires concrete adapters into the app from a Config. main.ts adds process concerns (listen, signals);
// integration and browser tests compose the same way, so they test what runs.

/** How soon an instance sees EC_ID keys another one made or rotated (LiveEcIdKeyring says why this is soon enough). */
const EC_ID_KEY_REFRESH_MS = 30_000;

export type Runtime = {
  app: Express;
  services: ServiceDeps;
  outbound: OutboundWorker;
  mail: MailEngineRunner;
  close(): Promise<void>;
};

export async function compose(config: Config, logger: Logger, version: string): Promise<Runtime> {
  const services = await buildServices(config, logger);
  const coordination =
    config.store === 'postgres'
      ? await PostgresCoordination.open(config.database.url, config.instanceId)
      : createLocalCoordination();
  const cluster = new MailCluster({
    coordination,
    instanceId: config.instanceId,
    leaseTtlMs: config.mail.leaseTtlMs,
    subscriptionTtlMs: Math.max(60_000, 3 * config.mail.sweepIntervalMs),
    secrets: services.secrets,
    logger: logger.child({ component: 'cluster' }),
  });
  const outbound = createOutbound(services, config, logger);
  const mail = createMailEngine(services, config, logger, cluster);
  await ensureDefaults(services);
  if (config.demo) {
    await seedDemoRules(services);
    const seeded = await seedDemoData(services);
    if (seeded.length > 0) logger.info({ requests: seeded }, 'demo data seeded');
  }
  if (config.demo && config.graph.mode === 'emulator') await ensureDemoMailbox(services, config, logger);
  // After seeding, so the demo SRs' rule emails go out from the demo account at once.
  outbound.start();
  mail.start();
  const lostInstances = coordination.local
    ? undefined
    : watchLostInstances(
        coordination,
        config.instanceId,
        leaseTickMs(config.mail.leaseTtlMs),
        (instances) => {
          logger.warn(
            { instances },
            'instances stopped without handing over; running the SR events they left',
          );
          outbound.wake('all');
        },
      );
  if (config.store === 'postgres' && services.blobs.kind === 'file') {
    logger.warn(
      "attachment bytes are on this instance's disk (BLOB_STORE=file): other instances sharing the database cannot read them; set BLOB_STORE=azure to run several",
    );
  }
  const blobSweep = scheduleOrphanBlobSweep(services, {
    intervalMs: config.blobs.sweepIntervalMs,
    graceMs: config.blobs.orphanGraceMs,
    onSwept: (result) =>
      result.removed > 0
        ? logger.info(result, 'orphaned blobs removed')
        : logger.debug(result, 'orphan blob sweep found nothing'),
    onError: (error) =>
      logger.error({ err: error }, 'the orphan blob sweep failed; it runs again at the next interval'),
  });
  const app = createApp({
    services,
    verifyToken: createEntraTokenVerifier({ ...config.auth }),
    logger,
    version,
    mode: { demo: config.demo, store: config.store, blobs: services.blobs.kind, graph: config.graph.mode },
    adminObjectIds: config.auth.adminObjectIds,
    clientConfig: {
      demo: config.demo,
      clientId: config.auth.clientId,
      tenantId: config.auth.tenantId,
      authority: `${config.auth.authorityHost}/${config.auth.tenantId}`,
      apiScope: `api://${config.auth.tabDomain ?? 'localhost'}/${config.auth.clientId}/access_as_user`,
    },
    identityHosts: [new URL(config.auth.authorityHost).origin],
    staticRoots: { '/tab': 'tab/dist', '/addin': 'addin/dist' },
    healthChecks: [
      async () => ({ name: 'identity', ...(await mail.identityCheck()) }),
      async () => storeCheck(services.store),
      async () => ({ name: 'blobs', ...(await services.blobs.health()) }),
    ],
    instance: () => cluster.held(),
    ...(config.demo && config.graph.mode === 'emulator'
      ? {
          demoSignIn: createDemoDirectory(config.graph.authorityHost),
          demoMailbox: createDemoMailbox(config.graph.authorityHost),
        }
      : {}),
  });
  // The workers that read email bodies load while the API starts, not when the first email arrives.
  warmUnderstandPool();
  return {
    app,
    services,
    outbound,
    mail,
    close: async () => {
      lostInstances?.stop();
      await blobSweep.stop();
      if (services.ecIdKeyring instanceof LiveEcIdKeyring) services.ecIdKeyring.close();
      await mail.stop();
      await outbound.stop();
      await coordination.close();
      await services.store.close();
    },
  };
}

async function buildServices(config: Config, logger: Logger): Promise<ServiceDeps> {
  // DATA_DIR holds the desk's mail and keys: this user's only (0700), whatever the umask made of it before.
  await ensurePrivateDir(config.dataDir);
  const key = config.secretKey ?? (await loadOrCreateSecretKey(config.dataDir));
  const secrets = createSecretBox(key);
  // Before the store: a blob store that cannot start stops the process with nothing else left open.
  const blobs = await openBlobStore(config);
  const opened = await openStore(config);
  const cluster =
    opened instanceof PostgresStore ? opened.clusterState(config.instanceId) : createLocalClusterState();
  // The secret key every instance on the database must share is checked before the EC_ID keys sealed with it are read.
  const ecIdKeyring = await checkSecretKey(cluster, key)
    .then(() => openEcIdKeyStore(opened, config.dataDir))
    .then((keys) =>
      LiveEcIdKeyring.open(keys, secrets, config.ecId, {
        refreshMs: EC_ID_KEY_REFRESH_MS,
        // The keys already loaded keep signing and verifying; the log says why another instance's new key is not here.
        onRefreshError: (error) =>
          logger.warn({ err: error }, 'reading the EC_ID keys again failed; the next refresh tries again'),
      }),
    )
    .catch(async (error: unknown) => {
      await opened.close();
      throw error;
    });
  return {
    // Every commit, whoever makes it (an agent, the engine, a rule), reaches the live screens: Store.onCommit.
    store: opened,
    blobs,
    secrets,
    clock: () => new Date(),
    newId: randomUUID,
    ecIdKeyring,
    cluster,
    rateLimitDefaults: {
      inboundPerSenderPerHour: config.mail.loopLimitPerHour,
      rulePerRecipientPerHour: config.outbound.rulePerRecipientPerHour,
      rulePerSrPerHour: config.outbound.rulePerSrPerHour,
    },
  };
}

async function openStore(config: Config): Promise<Store> {
  switch (config.store) {
    case 'postgres':
      return PostgresStore.open({
        ...(config.database.url ? { connectionString: config.database.url } : {}),
        poolSize: config.database.poolSize,
      });
    case 'lowdb':
      return openLowdbStore({
        file: join(config.dataDir, 'db.json'),
        ...(config.lowdbWarnBytes === undefined ? {} : { warnBytes: config.lowdbWarnBytes }),
      });
    default:
      return createMemoryStore();
  }
}

/** Attachment bytes: on this instance's disk, in a container every instance shares, or (STORE=memory) in memory. */
async function openBlobStore(config: Config): Promise<BlobStore> {
  const { kind, azure } = config.blobs;
  if (kind === 'azure' && azure) return openAzureBlobStore(azure);
  return kind === 'memory' ? createMemoryBlobStore() : createFileBlobStore(join(config.dataDir, 'blobs'));
}

/** The store's health for /api/health: a lost database is not ok; a lowdb file grown large is ok with a warning. */
async function storeCheck(
  store: Store,
): Promise<{ name: string; ok: boolean; detail: string; warning?: string }> {
  const health = await store.health();
  return {
    name: 'store',
    ok: health.ok,
    detail: health.detail,
    ...(health.warning ? { warning: health.warning } : {}),
  };
}

/** Demo mode: support@contoso.test with the emulator's mail app, so the mail loop runs without typing credentials. */
async function ensureDemoMailbox(services: ServiceDeps, config: Config, logger: Logger): Promise<void> {
  try {
    const app = await readEmulatorMailApp(config.graph.authorityHost);
    const account = await ensureDemoMailAccount(services, {
      emailAddress: 'support@contoso.test',
      displayName: 'Contoso Support',
      ...app,
    });
    logger.info({ mailbox: account.emailAddress }, 'demo mail account ready');
  } catch (error) {
    logger.error({ err: error }, 'the demo mail account could not be set up: is the emulator running?');
  }
}
