// Administration > rules: when something happens to an SR, send a template to someone.
export type RuleTrigger =
  | { kind: 'sr-created' }
  | { kind: 'status-changed'; from?: string; to?: string }
  | { kind: 'note-added' }
  | { kind: 'assigned' };

export type RuleRecipient =
  | { kind: 'requester' }
  | { kind: 'participants' }
  | { kind: 'assignee' }
  | { kind: 'address'; address: string };

export type Rule = {
  id: string;
  name: string;
  enabled: boolean;
  trigger: RuleTrigger;
  templateId: string;
  recipients: RuleRecipient[];
  createdAt: string;
  updatedAt: string;
};
