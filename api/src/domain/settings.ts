import { DEFAULT_BLOCKED_EXTENSIONS } from './attachment.js';
import type { RateLimits } from './rate-limits.js';
import { DEFAULT_STATUSES, type StatusDefinition } from './status.js';

// Administration > Service messaging: one record of desk-wide policy.
export type SenderPolicy = 'participants-only' | 'review';
export type ClosedPolicy = 'reopen' | 'mail-center';

export type Settings = {
  statuses: StatusDefinition[];
  /** Current status -> status to set when a customer's reply arrives (missing: leave as is). */
  replyStatusPolicy: Record<string, string>;
  /** Whether mail from someone who is not a participant of the matched SR is filed or held for review. */
  senderPolicy: SenderPolicy;
  closedPolicy: ClosedPolicy;
  /** Status a closed SR reopens to when closedPolicy is 'reopen'. */
  reopenStatus: string;
  attachmentBlockList: string[];
  blockedAttachmentAction: 'mail-center' | 'strip';
  mailCenterRetentionDays: number;
  /** The loop guards an admin set; a missing one follows the installation's default (rate-limits.ts). */
  rateLimits?: Partial<RateLimits>;
};

export const DEFAULT_SETTINGS: Settings = {
  statuses: [...DEFAULT_STATUSES],
  // The seed guide's example: a reply moves the SR to a status that tells agents to look.
  replyStatusPolicy: {
    New: 'Customer Replied',
    Open: 'Customer Replied',
    'Awaiting Customer': 'Customer Replied',
    Resolved: 'Customer Replied',
  },
  senderPolicy: 'review',
  closedPolicy: 'mail-center',
  reopenStatus: 'Open',
  attachmentBlockList: [...DEFAULT_BLOCKED_EXTENSIONS],
  blockedAttachmentAction: 'strip',
  mailCenterRetentionDays: 30,
};
