import type { Readable } from 'node:stream';
import type { MailAccount } from '../domain/mail-account.js';
import type { MailAddress, MailHeader } from '../domain/mail-message.js';

// Sending one email from a mailbox: the graph/ adapter does it through drafts (docs/graph-behaviour.md §4.2), so the email keeps
// our own Message-ID and we learn Graph's ids for it.

export type OutgoingAttachment = {
  name: string;
  contentType: string;
  size: number;
  open(): Promise<Readable>;
};

export type OutgoingMail = {
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  bodyHtml: string;
  /** Ours, with angle brackets; set on the draft before it is sent. */
  internetMessageId: string;
  /** x- headers only (Graph refuses others). */
  headers: MailHeader[];
  /** Sent by a rule, not a person: SMTP adds Auto-Submitted: auto-generated (Graph cannot set it). */
  autoSubmitted?: boolean;
  attachments: OutgoingAttachment[];
};

export type SentMail = { graphMessageId: string; conversationId?: string };

/** Where an email with our Message-ID is in the mailbox: sent, still a draft (never sent), or nowhere (yet). */
export type SentLookup =
  | { state: 'sent'; graphMessageId: string; conversationId?: string }
  | { state: 'draft'; graphMessageId: string }
  | { state: 'absent' };

/**
 * Why a send failed. `transient` failures (throttling, outages) may succeed later; the others will not by retrying.
 * `maybeSent`: the send call got no clear answer, so the email may be out; look (find) before sending it again.
 */
export class MailSendError extends Error {
  readonly transient: boolean;
  readonly maybeSent: boolean;
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    options: { transient: boolean; maybeSent?: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'MailSendError';
    this.transient = options.transient;
    this.maybeSent = options.maybeSent ?? false;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export interface MailSender {
  /**
   * Creates the draft, adds the attachments, sends it. All or nothing: when any step fails the draft is deleted
   * and a MailSendError says why, so no half-built email is left in the mailbox.
   */
  send(account: MailAccount, mail: OutgoingMail): Promise<SentMail>;
  /** Looks for our Message-ID in the mailbox, to learn whether an interrupted send went out. */
  find(account: MailAccount, internetMessageId: string): Promise<SentLookup>;
  deleteDraft(account: MailAccount, graphMessageId: string): Promise<void>;
}
