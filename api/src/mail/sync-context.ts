import type { Logger } from 'pino';
import type { MailAccount } from '../domain/mail-account.js';
import type { Settings } from '../domain/settings.js';
import type { ServiceDeps } from '../services/deps.js';
import type { ClassifyContext } from '../reply/classify.js';
import type { Committer } from './fenced-writes.js';
import type { AfterStepAction, Mailbox } from '../ports/mailbox.js';
import type { HandOverSignal } from './hand-over.js';
import type { TransactOptions } from '../ports/store.js';

/**
 * How the mail engine's writes run: each reply locks the SR it files on (services/inbound/apply-reply.ts) and reads
 * the rest as committed. SERIALIZABLE aborted one of two instances' group commits whenever they touched the same
 * index pages (85 aborts in 2,000 replies on three instances, each re-running up to 50 replies), and taking turns
 * instead made the cluster only as fast as its one commit at a time. With row locks, nothing aborts and instances
 * commit side by side (docs/architecture.md §4, "Several instances").
 */
export const INBOUND_WRITES: TransactOptions = { isolation: 'row-locks' };

/** Limits an installation may tune (config.ts); defaults in engine-options.ts. */
export type EngineLimits = {
  /** Sum of attachment sizes above which a message goes to the Mail Center as too-large. */
  maxMessageBytes: number;
  /** Per attachment; larger ones are left in the mailbox with a line in the note. */
  maxAttachmentBytes: number;
  /** Attachments (inline images included) above which a message goes to the Mail Center as too-large. */
  maxAttachmentsPerMessage: number;
  /** Attempts before a message that keeps failing stays in the Mail Center for a person. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles each time up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Messages taken per listing round. */
  roundSize: number;
  /** Messages prepared at once (attachment downloads overlap; transactions stay serial). */
  parallel: number;
  /** Time one email's body may take to read (render, extract) in a worker; over it, the email is too-complex. */
  readTimeLimitMs: number;
};

/** What one sync of one mailbox works with. */
export type SyncContext = {
  deps: ServiceDeps;
  logger: Logger;
  account: MailAccount;
  mailbox: Mailbox;
  folderId: string;
  afterStep: AfterStepAction;
  settings: Settings;
  classify: Omit<ClassifyContext, 'recent'>;
  limits: EngineLimits;
  /** Commits this sync's writes (grouped with others'; each checked against the mailbox's lease). */
  committer: Committer;
  /** Counts a message from this sender and says how many came in the last hour. */
  countSender(address: string): number;
  /** In a cluster: the sync says what is left, and stops taking emails when asked to hand the mailbox over. */
  handOver?: HandOverSignal;
};
