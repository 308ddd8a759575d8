import type { TServiceRequest } from '../../contract/service-request.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import { findStatus, type StatusDefinition } from '../../domain/status.js';

export function presentRequest(sr: ServiceRequest, statuses: readonly StatusDefinition[]): TServiceRequest {
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
    createdAt: sr.createdAt,
    updatedAt: sr.updatedAt,
  };
}
