import { AppError } from '../../domain/app-error.js';
import type { LinkStatus, MailCenterItem } from '../../domain/mail-center-item.js';
import type { Note } from '../../domain/note.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceDeps } from '../deps.js';
import { reopenRequest } from '../requests/reopen-request.js';
import { fileMailCenterItem } from './file-mail-center-item.js';
import { getMailCenterItem } from './get-mail-center-item.js';
import { openMailCenterAction } from './open-mail-center-action.js';

/** Files the email on the SR through the engine's apply step; history says "linked manually by <agent>". */
export async function linkMailCenterItem(
  deps: ServiceDeps,
  agent: Principal,
  itemId: string,
  requestId: number,
  status: LinkStatus = 'policy',
): Promise<{ item: MailCenterItem; note: Note }> {
  const actor = { id: agent.id, name: agent.name };
  const action = await openMailCenterAction(deps, itemId);
  const result = await fileMailCenterItem(deps, action, {
    requestId,
    signal: 'manual',
    actor,
    manual: true,
    applyStatusPolicy: status === 'policy',
    state: 'linked',
  });
  if (result.outcome === 'closed') throw new AppError('conflict', 'The request is closed.');
  if (status === 'reopen') await reopenRequest(deps, requestId, actor);
  return { item: await getMailCenterItem(deps, itemId), note: result.note };
}
