import type { Rule } from '../../domain/rule.js';
import type { ServiceDeps } from '../deps.js';
import { loadRule } from './load-rule.js';
import { ruleFields, type RuleInput } from './rule-fields.js';

export async function updateRule(deps: ServiceDeps, id: string, input: RuleInput): Promise<Rule> {
  return deps.store.transact(async (tx) => {
    const before = await loadRule(tx, id);
    return tx
      .collection('rules')
      .put({ ...before, ...(await ruleFields(tx, input)), updatedAt: deps.clock().toISOString() });
  });
}
