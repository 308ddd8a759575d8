import type { Principal } from '../../domain/principal.js';
import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

/** Runs the pipeline again on the stored original, after a configuration fix (a participant added, a policy changed). */
export function reprocessMailCenterItem(deps: ServiceDeps, agent: Principal, itemId: string) {
  return requireMailEngine(deps).reprocessItem(itemId, { id: agent.id, name: agent.name });
}
