import { z } from 'zod';
import { DEFAULT_RATE_LIMITS } from '../domain/rate-limits.js';
import { DEFAULT_READ_TIME_LIMIT_MS } from '../mail/understand/understand.js';
import { DEFAULT_LIMITS } from '../mail/engine-limits.js';

// The variables the API reads, their defaults and the rules between them. Only api/src/config.ts reads process.env
// (docs/architecture.md §6); this file says what a valid environment is. Every variable is documented in .env.example.
const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean),
);

const ZEnvShape = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  // Interface to listen on. Unset: every interface, except in demo mode (127.0.0.1, see listenHost).
  HOST: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  DEMO: bool.default(false),
  STORE: z.enum(['lowdb', 'memory', 'postgres']).default('lowdb'),
  // STORE=postgres: where the database is (without it, pg reads the usual PGHOST, PGUSER ... variables).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Attachment bytes: files under DATA_DIR (one instance) or an Azure Blob Storage container (shared by a cluster).
  // Unset: file, or memory with STORE=memory.
  BLOB_STORE: z.enum(['file', 'azure']).optional(),
  // A secret (the account key or a SAS): never logged, never in an error or a response.
  AZURE_STORAGE_CONNECTION_STRING: z.string().trim().min(1).optional(),
  AZURE_STORAGE_CONTAINER: z
    .string()
    .regex(
      /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/,
      'AZURE_STORAGE_CONTAINER must be 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.',
    )
    .default('attachments'),
  // Blobs no record references (their transaction failed) are deleted once older than the grace; the sweep runs this often.
  BLOB_ORPHAN_GRACE_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  BLOB_SWEEP_INTERVAL_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  // STORE=lowdb: past this file size /api/health and the setup checklist warn (unset: the measured default, 8 MB).
  LOWDB_WARN_MB: z.coerce.number().min(0).max(100_000).optional(),
  // Names this process among a cluster's instances (health, leases, claims). Unset: host name and process id.
  INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  PUBLIC_URL: z.url().optional(),
  // Serve https directly (Teams and Outlook only load https pages); teamsapp.local.yml writes a trusted dev certificate.
  SSL_CRT_FILE: z.string().min(1).optional(),
  SSL_KEY_FILE: z.string().min(1).optional(),

  // Sign-in to our API: the Entra app registration users sign in to (teamsapp.yml writes these).
  // npm start fills these from the emulator's demo tenant; a real deployment from teamsapp.yml.
  AAD_APP_CLIENT_ID: z.uuid({
    error:
      'AAD_APP_CLIENT_ID must be the GUID of the app users sign in to (see README, "Install in your tenant").',
  }),
  AAD_APP_TENANT_ID: z.uuid({
    error: 'AAD_APP_TENANT_ID must be your directory (tenant) GUID (see README, "Install in your tenant").',
  }),
  AAD_APP_OAUTH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  TAB_DOMAIN: z.string().min(1).optional(),
  ADMIN_OBJECT_IDS: list
    .pipe(
      z.array(
        z.uuid({
          error:
            'ADMIN_OBJECT_IDS lists user object ids (GUIDs, Entra admin center > Users > Object ID), separated by commas.',
        }),
      ),
    )
    .default([]),

  // Graph: real Microsoft 365, or the local emulator.
  GRAPH_MODE: z.enum(['real', 'emulator']).default('real'),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),

  // Inbound mail: the sweep that runs beside change notifications, and the engine's limits.
  MAIL_SWEEP_INTERVAL_SEC: z.coerce.number().int().min(5).max(3600).default(60),
  // Several instances: a mailbox's sync lease lives this long unless renewed, so a crashed holder is replaced
  // within about twice this.
  MAIL_LEASE_TTL_SEC: z.coerce.number().int().min(2).max(300).default(15),
  MAIL_MAX_MESSAGE_MB: z.coerce.number().int().min(1).max(150).default(150),
  MAIL_READ_TIME_LIMIT_MS: z.coerce.number().int().min(1).max(600_000).default(DEFAULT_READ_TIME_LIMIT_MS),
  // Emails one mailbox's sync downloads and reads at once; their notes commit together (memory and Graph load grow
  // with it).
  MAIL_PARALLEL: z.coerce.number().int().min(1).max(64).default(DEFAULT_LIMITS.parallel),
  MAIL_MAX_ATTACHMENTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_LIMITS.maxAttachmentsPerMessage),
  // The loop guards: the installation's defaults; Administration > Service messaging > Rate limits can set each.
  MAIL_LOOP_LIMIT_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_RATE_LIMITS.inboundPerSenderPerHour),
  MAIL_RETRY_BASE_SEC: z.coerce.number().int().min(1).default(60),
  // IMAP accounts: a NOOP on the IDLE connection this often must be answered, or the connection is opened again.
  IMAP_IDLE_HEARTBEAT_SEC: z.coerce.number().int().min(1).max(1740).default(60),

  // EC_ID signing keys: rotated after this many days; a retired key still verifies replies for the grace period.
  EC_ID_ROTATE_AFTER_DAYS: z.coerce.number().int().min(1).default(90),
  EC_ID_GRACE_DAYS: z.coerce.number().int().min(1).default(365),

  // Outbound email: Exchange's per-mailbox sending rate, and the hourly limits that stop mail loops.
  OUTBOUND_PER_MAILBOX_PER_MINUTE: z.coerce.number().int().min(1).max(30).default(30),
  RULE_EMAILS_PER_SR_PER_HOUR: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.rulePerSrPerHour),
  RULE_EMAILS_PER_RECIPIENT_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_RATE_LIMITS.rulePerRecipientPerHour),

  // Secrets at rest: 32 bytes, base64. Without it a key is generated once into DATA_DIR (0600); required with
  // STORE=postgres (outside demo and tests), where every instance must hold the same key.
  SECRET_KEY: z.base64().optional(),
});

/** Every variable the API reads; .env.example documents each (a test checks). */
export const CONFIG_VARIABLES = Object.keys(ZEnvShape.shape);

// Base64 alone does not say the key is 32 bytes long.
export const ZEnv = ZEnvShape.superRefine((env, ctx) => {
  if (Boolean(env.SSL_CRT_FILE) !== Boolean(env.SSL_KEY_FILE)) {
    ctx.addIssue({
      code: 'custom',
      path: ['SSL_KEY_FILE'],
      message: 'Set both SSL_CRT_FILE and SSL_KEY_FILE, or neither.',
    });
  }
  if (env.BLOB_STORE === 'azure' && !env.AZURE_STORAGE_CONNECTION_STRING) {
    ctx.addIssue({
      code: 'custom',
      path: ['AZURE_STORAGE_CONNECTION_STRING'],
      message:
        "BLOB_STORE=azure needs the storage account's connection string (Azure portal > Storage account > Security + networking > Access keys).",
    });
  }
  // A key generated into each instance's DATA_DIR would differ between the instances sharing one database.
  if (env.STORE === 'postgres' && !env.SECRET_KEY && !env.DEMO && env.NODE_ENV !== 'test') {
    ctx.addIssue({
      code: 'custom',
      path: ['SECRET_KEY'],
      message:
        'SECRET_KEY is required with STORE=postgres: every instance sharing the database must seal secrets with the same key (openssl rand -base64 32).',
    });
  }
  if (env.SECRET_KEY && Buffer.from(env.SECRET_KEY, 'base64').length !== 32) {
    ctx.addIssue({
      code: 'custom',
      path: ['SECRET_KEY'],
      message: 'SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).',
    });
  }
});

export type Env = z.infer<typeof ZEnv>;
