import type { ServiceDeps } from '../deps.js';
import { loadRule } from './load-rule.js';

export async function deleteRule(deps: ServiceDeps, id: string): Promise<void> {
  await deps.store.transact(async (tx) => {
    await loadRule(tx, id);
    await tx.collection('rules').delete(id);
  });
}
