import type { Rule } from '../../domain/rule.js';
import type { ServiceDeps } from '../deps.js';

export async function listRules(deps: ServiceDeps): Promise<Rule[]> {
  const rules = await deps.store.read((tx) => tx.collection('rules').all());
  return rules.sort((a, b) => a.name.localeCompare(b.name));
}
