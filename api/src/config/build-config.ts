import { hostname } from 'node:os';
import type { Env } from './env-schema.js';

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  /** HOST as the admin set it; listenHost() says where the API really listens. */
  host?: string;
  dataDir: string;
  demo: boolean;
  store: 'lowdb' | 'memory' | 'postgres';
  database: Readonly<{ url?: string; poolSize: number }>;
  /** Where attachment bytes live; the connection string is a secret. */
  blobs: Readonly<{
    kind: 'file' | 'azure' | 'memory';
    azure?: Readonly<{ connectionString: string; container: string }>;
    orphanGraceMs: number;
    sweepIntervalMs: number;
  }>;
  /** LOWDB_WARN_MB in bytes, when set. */
  lowdbWarnBytes?: number;
  /** This process's name among the instances sharing one PostgreSQL store. */
  instanceId: string;
  logLevel: string;
  /** auto: one readable line per event on a terminal, JSON lines when the output goes to a file or a collector. */
  logFormat: 'auto' | 'pretty' | 'json';
  publicUrl?: string;
  tls?: Readonly<{ certFile: string; keyFile: string }>;
  auth: Readonly<{
    clientId: string;
    tenantId: string;
    authorityHost: string;
    tabDomain?: string;
    adminObjectIds: readonly string[];
  }>;
  graph: Readonly<{ mode: 'real' | 'emulator'; baseUrl: string; authorityHost: string }>;
  ecId: Readonly<{ rotateAfterDays: number; graceDays: number }>;
  outbound: Readonly<{
    perMailboxPerMinute: number;
    rulePerSrPerHour: number;
    rulePerRecipientPerHour: number;
  }>;
  mail: Readonly<{
    leaseTtlMs: number;
    sweepIntervalMs: number;
    maxMessageBytes: number;
    maxAttachmentsPerMessage: number;
    parallel: number;
    loopLimitPerHour: number;
    retryBaseMs: number;
    idleHeartbeatMs: number;
    readTimeLimitMs: number;
  }>;
  secretKey?: Buffer;
}>;

/** The frozen Config from a valid environment: units converted (minutes, MB), defaults that depend on others. */
export function buildConfig(e: Env): Config {
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    ...(e.HOST ? { host: e.HOST } : {}),
    dataDir: e.DATA_DIR,
    demo: e.DEMO,
    store: e.STORE,
    database: Object.freeze({
      ...(e.DATABASE_URL ? { url: e.DATABASE_URL } : {}),
      poolSize: e.DATABASE_POOL_SIZE,
    }),
    blobs: Object.freeze({
      kind: e.BLOB_STORE ?? (e.STORE === 'memory' ? 'memory' : 'file'),
      ...(e.BLOB_STORE === 'azure' && e.AZURE_STORAGE_CONNECTION_STRING
        ? {
            azure: Object.freeze({
              connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
              container: e.AZURE_STORAGE_CONTAINER,
            }),
          }
        : {}),
      orphanGraceMs: e.BLOB_ORPHAN_GRACE_MIN * 60_000,
      sweepIntervalMs: e.BLOB_SWEEP_INTERVAL_MIN * 60_000,
    }),
    ...(e.LOWDB_WARN_MB === undefined ? {} : { lowdbWarnBytes: e.LOWDB_WARN_MB * 1024 * 1024 }),
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    ...(e.SSL_CRT_FILE && e.SSL_KEY_FILE
      ? { tls: Object.freeze({ certFile: e.SSL_CRT_FILE, keyFile: e.SSL_KEY_FILE }) }
      : {}),
    auth: Object.freeze({
      clientId: e.AAD_APP_CLIENT_ID,
      tenantId: e.AAD_APP_TENANT_ID,
      authorityHost: stripSlash(e.AAD_APP_OAUTH_AUTHORITY_HOST),
      tabDomain: e.TAB_DOMAIN,
      adminObjectIds: Object.freeze(e.ADMIN_OBJECT_IDS),
    }),
    ecId: Object.freeze({ rotateAfterDays: e.EC_ID_ROTATE_AFTER_DAYS, graceDays: e.EC_ID_GRACE_DAYS }),
    outbound: Object.freeze({
      perMailboxPerMinute: e.OUTBOUND_PER_MAILBOX_PER_MINUTE,
      rulePerSrPerHour: e.RULE_EMAILS_PER_SR_PER_HOUR,
      rulePerRecipientPerHour: e.RULE_EMAILS_PER_RECIPIENT_PER_HOUR,
    }),
    mail: Object.freeze({
      sweepIntervalMs: e.MAIL_SWEEP_INTERVAL_SEC * 1000,
      leaseTtlMs: e.MAIL_LEASE_TTL_SEC * 1000,
      maxMessageBytes: e.MAIL_MAX_MESSAGE_MB * 1024 * 1024,
      readTimeLimitMs: e.MAIL_READ_TIME_LIMIT_MS,
      maxAttachmentsPerMessage: e.MAIL_MAX_ATTACHMENTS,
      parallel: e.MAIL_PARALLEL,
      loopLimitPerHour: e.MAIL_LOOP_LIMIT_PER_HOUR,
      retryBaseMs: e.MAIL_RETRY_BASE_SEC * 1000,
      idleHeartbeatMs: e.IMAP_IDLE_HEARTBEAT_SEC * 1000,
    }),
    graph: Object.freeze({
      mode: e.GRAPH_MODE,
      baseUrl: stripSlash(e.GRAPH_BASE_URL),
      authorityHost: stripSlash(e.GRAPH_AUTHORITY_HOST),
    }),
    ...(e.SECRET_KEY ? { secretKey: Buffer.from(e.SECRET_KEY, 'base64') } : {}),
  });
}

const stripSlash = (url: string): string => url.replace(/\/+$/, '');
