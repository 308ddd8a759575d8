import type { TRule } from '../../../../../api/src/contract/rule';

// Rules read as a sentence in the list: "When the status changes to Resolved → Status update → the requester".
export type RuleTrigger = TRule['trigger'];
export type RuleRecipient = TRule['recipients'][number];

export const TRIGGER_LABELS: Record<RuleTrigger['kind'], string> = {
  'sr-created': 'An SR is created',
  'status-changed': 'The status changes',
  'note-added': 'An agent adds a PUBLIC note',
  assigned: 'The SR is assigned',
};

export const RECIPIENT_LABELS: Record<Exclude<RuleRecipient['kind'], 'address'>, string> = {
  requester: 'The requester',
  participants: 'The participants',
  assignee: 'The assignee',
};

export function describeTrigger(trigger: RuleTrigger): string {
  if (trigger.kind !== 'status-changed') return TRIGGER_LABELS[trigger.kind];
  const from = trigger.from ? ` from ${trigger.from}` : '';
  const to = trigger.to ? ` to ${trigger.to}` : '';
  return `The status changes${from}${to}`;
}

export const describeRecipients = (recipients: RuleRecipient[]): string =>
  recipients
    .map((r) => (r.kind === 'address' ? r.address : RECIPIENT_LABELS[r.kind].toLowerCase()))
    .join(', ');
