import type { Principal } from '../../domain/principal.js';
import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

/** A new SR from the email (sender as requester, subject as title), with the email as its first note. */
export function createRequestFromMailCenterItem(deps: ServiceDeps, agent: Principal, itemId: string) {
  return requireMailEngine(deps).createRequestFromItem(itemId, { id: agent.id, name: agent.name });
}
