import { notFound } from '../../domain/app-error.js';
import type { Rule } from '../../domain/rule.js';
import type { ReadTransaction } from '../../ports/store.js';

export async function loadRule(tx: ReadTransaction, id: string): Promise<Rule> {
  const rule = await tx.collection('rules').get(id);
  if (!rule) throw notFound('Rule', id);
  return rule;
}
