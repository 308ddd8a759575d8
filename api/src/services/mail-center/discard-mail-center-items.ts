import { AppError } from '../../domain/app-error.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { ServiceDeps } from '../deps.js';
import { getMailCenterItem } from './get-mail-center-item.js';

type Actor = { id: string; name: string };

/** Discards open items (a person decided they need nothing); items already resolved are left as they are. */
export async function discardMailCenterItems(
  deps: Pick<ServiceDeps, 'store' | 'clock'>,
  actor: Actor,
  itemIds: readonly string[],
): Promise<{ discarded: number; skipped: number }> {
  return deps.store.transact(async (tx) => {
    const at = deps.clock().toISOString();
    let discarded = 0;
    for (const id of new Set(itemIds)) {
      const item = await tx.collection('mailCenter').get(id);
      if (!item || item.state !== 'open') continue;
      await tx.collection('mailCenter').put({
        ...item,
        state: 'discarded',
        resolution: { by: { id: actor.id, name: actor.name }, at },
        updatedAt: at,
      });
      discarded += 1;
    }
    return { discarded, skipped: new Set(itemIds).size - discarded };
  });
}

export async function discardMailCenterItem(
  deps: Pick<ServiceDeps, 'store' | 'clock'>,
  actor: Actor,
  itemId: string,
): Promise<MailCenterItem> {
  const item = await getMailCenterItem(deps, itemId);
  if (item.state !== 'open') throw new AppError('conflict', `This email was already ${item.state}.`);
  await discardMailCenterItems(deps, actor, [itemId]);
  return getMailCenterItem(deps, itemId);
}
