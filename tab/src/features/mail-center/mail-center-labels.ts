import type { MailCenterReason, MailCenterState } from '../../api/desk-api';

// The API's reason and state codes, in words an agent reads at a glance (the evidence lines say the details).
export const REASON_LABELS: Record<MailCenterReason, string> = {
  'no-marker': 'No SR marker',
  'token-invalid': 'Marker not valid',
  'conflicting-signals': 'Points at several SRs',
  'unknown-sender': 'Unknown sender',
  'sender-not-authenticated': 'Sender not authenticated',
  'sr-closed': 'SR closed',
  'sr-not-found': 'SR not found',
  'auto-reply': 'Automatic reply',
  bounce: 'Bounce',
  'own-mail': 'Sent by the desk',
  loop: 'Mail loop',
  system: 'System message',
  'too-large': 'Too large',
  'too-complex': 'Too complex to read',
  'attachment-blocked': 'Attachment blocked',
  'processing-failed': 'Processing failed',
};

export const STATE_LABELS: Record<MailCenterState | 'all', string> = {
  open: 'Open',
  linked: 'Linked to an SR',
  created: 'Became an SR',
  discarded: 'Discarded',
  ignored: 'Ignored',
  all: 'All',
};
