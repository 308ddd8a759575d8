import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

export function getMailAccountHealth(deps: ServiceDeps, accountId: string) {
  return requireMailEngine(deps).health(accountId);
}
