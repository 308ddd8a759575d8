import type { Principal } from '../../domain/principal.js';
import {
  formatSrNumber,
  normaliseParticipants,
  type Person,
  type Priority,
  type ServiceRequest,
} from '../../domain/service-request.js';
import { INITIAL_STATUS } from '../../domain/status.js';
import type { ServiceDeps } from '../deps.js';
import { recordHistory } from './record-history.js';

export type CreateRequestInput = {
  title: string;
  description: string;
  requester: Person;
  participants: string[];
  assignee?: Person;
  priority: Priority;
};

export async function createRequest(
  deps: ServiceDeps,
  actor: Pick<Principal, 'id' | 'name'>,
  input: CreateRequestInput,
): Promise<ServiceRequest> {
  const now = deps.clock().toISOString();
  return deps.store.transact(async (tx) => {
    const id = await tx.nextSequence('requests');
    const sr = await tx.collection('requests').insert({
      id,
      title: input.title,
      description: input.description,
      requester: { name: input.requester.name, email: input.requester.email.toLowerCase() },
      participants: normaliseParticipants(input.participants),
      ...(input.assignee ? { assignee: input.assignee } : {}),
      status: INITIAL_STATUS,
      priority: input.priority,
      createdAt: now,
      updatedAt: now,
      hasNewEmailReply: false,
    });
    await recordHistory(deps, tx, {
      requestId: id,
      kind: 'created',
      summary: `${formatSrNumber(id)} created by ${actor.name}`,
      actor,
    });
    return sr;
  });
}
