import { AppError } from '../../domain/app-error.js';
import type { Rule } from '../../domain/rule.js';
import { findStatus } from '../../domain/status.js';
import type { ReadTransaction } from '../../ports/store.js';
import { loadSettings } from '../settings/load-settings.js';

export type RuleInput = Pick<Rule, 'name' | 'enabled' | 'trigger' | 'templateId' | 'recipients'>;

/** A rule as stored: its template exists and its statuses are this desk's (spelled as the desk spells them). */
export async function ruleFields(tx: ReadTransaction, input: RuleInput): Promise<RuleInput> {
  if (!(await tx.collection('mailTemplates').get(input.templateId))) {
    throw new AppError(
      'validation_failed',
      `There is no mail template ${input.templateId} (Administration > Mail > Templates).`,
    );
  }
  let trigger = input.trigger;
  if (trigger.kind === 'status-changed') {
    const statuses = (await loadSettings(tx)).statuses;
    const known = (name: string | undefined) => {
      if (name === undefined) return undefined;
      const status = findStatus(statuses, name);
      if (!status) throw new AppError('validation_failed', `"${name}" is not a status of this desk.`);
      return status.name;
    };
    const from = known(trigger.from);
    const to = known(trigger.to);
    if (from !== undefined && from === to)
      throw new AppError(
        'validation_failed',
        'A status change goes from one status to another; "from" and "to" are the same.',
      );
    trigger = { kind: 'status-changed', ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  const recipients = input.recipients.filter(
    (r, i) => input.recipients.findIndex((o) => JSON.stringify(o) === JSON.stringify(r)) === i,
  );
  return {
    name: input.name.trim(),
    enabled: input.enabled,
    trigger,
    templateId: input.templateId,
    recipients,
  };
}
