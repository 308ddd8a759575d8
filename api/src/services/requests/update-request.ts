import { AppError } from '../../domain/app-error.js';
import type { HistoryKind } from '../../domain/history.js';
import type { Principal } from '../../domain/principal.js';
import {
  normaliseParticipants,
  type Person,
  type Priority,
  type ServiceRequest,
} from '../../domain/service-request.js';
import { findStatus } from '../../domain/status.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from './load-request.js';
import { loadSettings } from '../settings/load-settings.js';
import { recordHistory } from './record-history.js';

export type UpdateRequestInput = Partial<{
  title: string;
  description: string;
  status: string;
  priority: Priority;
  assignee: Person | null;
  participants: string[];
  hasNewEmailReply: false;
}>;

type Change = { kind: HistoryKind; summary: string; details: Record<string, unknown> };

export async function updateRequest(
  deps: ServiceDeps,
  actor: Principal,
  id: number,
  patch: UpdateRequestInput,
): Promise<ServiceRequest> {
  return deps.store.transact(async (tx) => {
    const before = await loadRequest(tx, id);
    const after: ServiceRequest = { ...before };
    const changes: Change[] = [];

    if (patch.status !== undefined) {
      const status = findStatus((await loadSettings(tx)).statuses, patch.status);
      if (!status) throw new AppError('validation_failed', `"${patch.status}" is not a status of this desk.`);
      if (status.name !== before.status) {
        after.status = status.name;
        changes.push({
          kind: 'status-changed',
          summary: `Status changed from ${before.status} to ${status.name}`,
          details: { from: before.status, to: status.name },
        });
      }
    }
    if (patch.assignee !== undefined && patch.assignee?.email !== before.assignee?.email) {
      if (patch.assignee) after.assignee = patch.assignee;
      else delete after.assignee;
      changes.push({
        kind: 'assigned',
        summary: patch.assignee ? `Assigned to ${patch.assignee.name}` : 'Unassigned',
        details: { from: before.assignee?.email ?? null, to: patch.assignee?.email ?? null },
      });
    }
    const plainFields = pickPlainChanges(before, patch);
    Object.assign(after, plainFields);
    if (Object.keys(plainFields).length > 0) {
      changes.push({
        kind: 'updated',
        summary: `Updated ${Object.keys(plainFields).join(', ')}`,
        details: { fields: Object.keys(plainFields) },
      });
    }
    if (patch.hasNewEmailReply === false) after.hasNewEmailReply = false;

    if (changes.length === 0 && after.hasNewEmailReply === before.hasNewEmailReply) return before;
    if (changes.length > 0) after.updatedAt = deps.clock().toISOString();
    await tx.collection('requests').put(after);
    for (const change of changes) await recordHistory(deps, tx, { requestId: id, actor, ...change });
    return after;
  });
}

function pickPlainChanges(before: ServiceRequest, patch: UpdateRequestInput): Partial<ServiceRequest> {
  const changed: Partial<ServiceRequest> = {};
  if (patch.title !== undefined && patch.title !== before.title) changed.title = patch.title;
  if (patch.description !== undefined && patch.description !== before.description)
    changed.description = patch.description;
  if (patch.priority !== undefined && patch.priority !== before.priority) changed.priority = patch.priority;
  if (patch.participants !== undefined) {
    const participants = normaliseParticipants(patch.participants);
    if (participants.join() !== before.participants.join()) changed.participants = participants;
  }
  return changed;
}
