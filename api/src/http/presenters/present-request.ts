import type { TServiceRequest } from '../../contract/service-request.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import { findStatus, type StatusDefinition } from '../../domain/status.js';

/** `withHeldReply`: SRs with a reply held in the Mail Center (list and get flag it; other answers leave it out). */
export function presentRequest(
  sr: ServiceRequest,
  statuses: readonly StatusDefinition[],
  withHeldReply?: ReadonlySet<number>,
): TServiceRequest {
  return {
    id: sr.id,
    number: formatSrNumber(sr.id),
    title: sr.title,
    description: sr.description,
    requester: sr.requester,
    participants: sr.participants,
    ...(sr.assignee ? { assignee: sr.assignee } : {}),
    status: sr.status,
    isClosed: findStatus(statuses, sr.status)?.isClosed ?? false,
    priority: sr.priority,
    hasNewEmailReply: sr.hasNewEmailReply,
    ...(withHeldReply?.has(sr.id) ? { hasHeldReply: true } : {}),
    createdAt: sr.createdAt,
    updatedAt: sr.updatedAt,
  };
}
