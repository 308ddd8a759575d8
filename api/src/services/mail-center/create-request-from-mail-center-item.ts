import { AppError } from '../../domain/app-error.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { Note } from '../../domain/note.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { ServiceDeps } from '../deps.js';
import { createRequest } from '../requests/create-request.js';
import { fileMailCenterItem } from './file-mail-center-item.js';
import { getMailCenterItem } from './get-mail-center-item.js';
import { openMailCenterAction } from './open-mail-center-action.js';

/** A new SR from the email (sender as requester, subject as title), with the email as its first note. */
export async function createRequestFromMailCenterItem(
  deps: ServiceDeps,
  agent: Principal,
  itemId: string,
): Promise<{ item: MailCenterItem; request: ServiceRequest; note: Note }> {
  const actor = { id: agent.id, name: agent.name };
  const action = await openMailCenterAction(deps, itemId);
  const sender = action.original.message.from;
  const request = await createRequest(deps, actor, {
    title: (action.original.message.subject || '(no subject)').slice(0, 200),
    description: `Created from an email from ${sender.name ? `${sender.name} <${sender.address}>` : sender.address} in the Mail Center.`,
    requester: { name: sender.name || sender.address, email: sender.address },
    participants: [],
    priority: 'Medium',
  });
  const result = await fileMailCenterItem(deps, action, {
    requestId: request.id,
    signal: 'manual',
    actor,
    manual: true,
    applyStatusPolicy: false,
    state: 'created',
  });
  if (result.outcome === 'closed') throw new AppError('conflict', 'The request is closed.');
  return { item: await getMailCenterItem(deps, itemId), request, note: result.note };
}
