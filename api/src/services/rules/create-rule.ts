import type { Rule } from '../../domain/rule.js';
import type { ServiceDeps } from '../deps.js';
import { ruleFields, type RuleInput } from './rule-fields.js';

export async function createRule(deps: ServiceDeps, input: RuleInput): Promise<Rule> {
  return deps.store.transact(async (tx) => {
    const now = deps.clock().toISOString();
    return tx
      .collection('rules')
      .insert({ id: deps.newId(), ...(await ruleFields(tx, input)), createdAt: now, updatedAt: now });
  });
}
