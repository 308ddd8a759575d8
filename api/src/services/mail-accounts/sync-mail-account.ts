import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

/** "Sync now": resolves when the sync has finished, with its counts. */
export function syncMailAccount(deps: ServiceDeps, accountId: string) {
  return requireMailEngine(deps).syncNow(accountId);
}
