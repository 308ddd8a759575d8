import type { MailAddress } from './mail-message.js';

// One email the desk sent (or queued, or was stopped from sending) about an SR. Its `seq` is the outbound
// number inside the EC_ID token, and its internetMessageId is ours: a reply's In-Reply-To/References
// leads back here, and from here to the SR.
export type OutboundTrigger = 'manual' | 'rule' | 'demo-seed';
export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'stopped';

export type OutboundEmail = {
  /** The outbound sequence number (also in the EC_ID token). */
  id: number;
  requestId: number;
  accountId: string;
  templateId?: string;
  ruleId?: string;
  trigger: OutboundTrigger;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  bodyHtml: string;
  attachmentIds: string[];
  /** The rendered EC_ID token. */
  token: string;
  /** Our own Message-ID, without angle brackets. */
  internetMessageId: string;
  /** Graph's thread id of the sent copy, when known (a weaker matching signal). */
  conversationId?: string;
  graphMessageId?: string;
  status: OutboundStatus;
  /** Why it failed or was stopped, in words an admin can act on. */
  statusReason?: string;
  attempts: number;
  queuedAt: string;
  /** When the latest attempt began; attempts in the last minute count against the mailbox's sending limit. */
  attemptedAt?: string;
  /**
   * While 'sending', the claimer renews this as its send goes on (a throttled send can outlast the recovery grace);
   * another instance settles the claim only when neither this nor attemptedAt is within the grace.
   */
  claimRenewedAt?: string;
  /** A retry after a transient failure waits until then. */
  notBefore?: string;
  sentAt?: string;
  actor: { id: string; name: string };
};
