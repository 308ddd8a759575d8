import type { MailAddress } from './mail-message.js';
import type { OriginalContentType } from './stored-original.js';

// An inbound email that did not become a note, with the reason and the evidence, so a person can decide.
export type MailCenterReason =
  | 'no-marker'
  | 'token-invalid'
  | 'conflicting-signals'
  | 'unknown-sender'
  | 'sender-not-authenticated'
  | 'sr-closed'
  | 'sr-not-found'
  | 'auto-reply'
  | 'bounce'
  | 'own-mail'
  | 'loop'
  | 'system'
  | 'too-large'
  /** Reading its body took longer than the time allowed for one email (a body built to be slow to parse). */
  | 'too-complex'
  | 'attachment-blocked'
  | 'processing-failed';

export type MailCenterState = 'open' | 'linked' | 'created' | 'discarded' | 'ignored';

/** What filing from the Mail Center does to the SR's status: the reply policy, reopen a closed SR, or nothing. */
export type LinkStatus = 'policy' | 'reopen' | 'keep';

export type MailCenterItem = {
  id: string;
  accountId: string;
  mailbox: string;
  internetMessageId?: string;
  graphMessageId?: string;
  conversationId?: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  receivedAt: string;
  bodyPreview: string;
  reason: MailCenterReason;
  /** Plain-language lines: which signals were seen and why they did not place the email. */
  evidence: string[];
  /** SRs the evidence points at, for the "link to SR" suggestions. */
  candidateRequestIds: number[];
  state: MailCenterState;
  /** Blob hash of the stored original (MIME when we have it, else the Graph JSON). */
  originalRef: string;
  originalContentType: OriginalContentType;
  resolution?: { by: { id: string; name: string }; at: string; requestId?: number; noteId?: string };
  /** For processing-failed: an id to find the logged exception (never the stack), and retry bookkeeping. */
  errorId?: string;
  attempts: number;
  nextAttemptAt?: string;
  createdAt: string;
  updatedAt: string;
};
