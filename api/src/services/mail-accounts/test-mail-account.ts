import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

/** "Test connection": token, mailbox, folder, send permission, each with what it found. */
export function testMailAccount(deps: ServiceDeps, accountId: string) {
  return requireMailEngine(deps).testConnection(accountId);
}
