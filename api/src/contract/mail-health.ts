import { z } from 'zod';

// Administration > Mail > Accounts: health, "Test connection" and "Sync now" of one account.

export const ZSyncReport = z.object({
  trigger: z.enum(['start-up', 'sweep', 'notification', 'lifecycle', 'admin', 'retry', 'account-changed']),
  startedAt: z.string(),
  finishedAt: z.string(),
  rounds: z.number().int(),
  listed: z.number().int().describe('unread messages found in the folder'),
  notes: z.number().int().describe('filed as notes'),
  mailCenter: z.number().int().describe('held in the Mail Center'),
  alreadyProcessed: z.number().int().describe('in the ledger already: only the after-step ran'),
  failed: z.number().int(),
  deferred: z.number().int().describe('waiting for their next attempt'),
  gone: z.number().int(),
  afterStepsDone: z.number().int(),
  afterStepsFailed: z.number().int(),
  forwardedTo: z
    .string()
    .optional()
    .describe(
      'another instance holds the mailbox lease and was asked to sync instead (the counts are then 0)',
    ),
  handedOverTo: z
    .string()
    .optional()
    .describe('this instance had more mailboxes to sync than another and gave it the rest of this one'),
});
export type TSyncReport = z.infer<typeof ZSyncReport>;

const ZExplainedError = z.object({
  code: z.string(),
  explanation: z.string().describe('what is wrong, in words an admin can act on'),
  status: z.number().int().optional(),
  requestId: z.string().optional(),
  at: z.string(),
});

export const ZConnectionTest = z.object({
  ok: z.boolean(),
  steps: z.array(
    z.object({
      name: z.enum([
        'token',
        'mailbox',
        'folder',
        'send-permission',
        'dns',
        'tcp',
        'tls',
        'authentication',
        'smtp',
      ]),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
  hasGraphMailConsent: z
    .boolean()
    .optional()
    .describe(
      'the token carries Mail.Send from Entra admin consent (reaches every mailbox); false with Exchange RBAC for Applications; absent when the test stopped before',
    ),
});
export type TConnectionTest = z.infer<typeof ZConnectionTest>;

export const ZAccountHealth = z.object({
  accountId: z.string(),
  mailbox: z.string(),
  serviceMessaging: z.boolean(),
  stopped: z.string().optional().describe('why the engine does not run for this account'),
  syncing: z.boolean(),
  lastSync: ZSyncReport.optional(),
  lastSuccessfulSyncAt: z.string().optional(),
  lastError: ZExplainedError.optional(),
  reauthorisationRequired: z.boolean(),
  last24h: z
    .object({
      notes: z.number().int().describe('emails filed as notes on SRs'),
      mailCenter: z
        .number()
        .int()
        .describe(
          'emails held in the Mail Center for an agent (no or a damaged marker, SR closed, blocked file, auto-reply …)',
        ),
      ignored: z
        .number()
        .int()
        .describe('emails kept as ignored: strangers under the "participants only" sender policy'),
      queued: z
        .number()
        .int()
        .describe(
          'emails waiting: a retry after a failure, or the after-step (mark read / move) still to do',
        ),
    })
    .describe('what the engine did with the emails it read in the last 24 hours'),
  subscription: z.union([
    z.object({ state: z.literal('active'), id: z.string(), expiresAt: z.string() }),
    z.object({ state: z.literal('disabled'), explanation: z.string() }),
    z
      .object({
        state: z.literal('idle'),
        connected: z.boolean(),
        explanation: z.string(),
        // A reconnect can be over in a second; the last interruption stays in sight so an admin (and a test) can see it happened.
        lastInterruption: z.object({ at: z.string().datetime(), explanation: z.string() }).optional(),
      })
      .describe('IMAP: the server pushes new mail over IDLE'),
    z.object({
      state: z.enum(['pending', 'failed']),
      explanation: z.string(),
      error: ZExplainedError.optional(),
    }),
  ]),
  notifications: z.object({
    received: z.number().int(),
    rejected: z.number().int().describe('wrong clientState or unknown subscription'),
  }),
  cluster: z
    .object({
      syncHolder: z
        .string()
        .optional()
        .describe('the instance holding the mailbox lease now (absent: none is syncing)'),
      subscriptionOwner: z
        .string()
        .optional()
        .describe('the instance that creates and renews the Graph subscription'),
      instance: z.string().describe('the instance that answered'),
    })
    .describe('which of the instances sharing the database does what for this mailbox'),
  secretExpiry: z
    .object({
      expiresAt: z.string(),
      daysLeft: z.number().int(),
      level: z.enum(['ok', 'warning', 'urgent', 'expired']),
      message: z.string().optional(),
    })
    .optional(),
});
export type TAccountHealth = z.infer<typeof ZAccountHealth>;
