import type { Principal } from '../../domain/principal.js';
import type { LinkStatus } from '../../ports/mail-engine.js';
import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

/** Files the email on the SR through the engine's apply step; history says "linked manually by <agent>". */
export function linkMailCenterItem(
  deps: ServiceDeps,
  agent: Principal,
  itemId: string,
  requestId: number,
  status?: LinkStatus,
) {
  return requireMailEngine(deps).linkItem(itemId, requestId, { id: agent.id, name: agent.name }, status);
}
