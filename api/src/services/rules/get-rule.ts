import type { Rule } from '../../domain/rule.js';
import type { ServiceDeps } from '../deps.js';
import { loadRule } from './load-rule.js';

export async function getRule(deps: ServiceDeps, id: string): Promise<Rule> {
  return deps.store.read((tx) => loadRule(tx, id));
}
