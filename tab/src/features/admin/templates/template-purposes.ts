import type { TMailTemplate } from '../../../../../api/src/contract/mail-template';

export const PURPOSE_LABELS: Record<TMailTemplate['purpose'], string> = {
  manual: 'Agents (Send email)',
  rule: 'Rules',
};
