import type { ServiceDeps } from './deps.js';
import { loadSettings } from './load-settings.js';

const DAY = 24 * 60 * 60_000;

/** Mail Center items older than the retention (settings.mailCenterRetentionDays) go; the ledger stays, so a purged email is never imported again. */
export async function purgeMailCenter(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<number> {
  return deps.store.transact(async (tx) => {
    const settings = await loadSettings(tx);
    const cutoff = deps.clock().getTime() - settings.mailCenterRetentionDays * DAY;
    const old = await tx.collection('mailCenter').createdBefore(new Date(cutoff).toISOString());
    for (const item of old) await tx.collection('mailCenter').delete(item.id);
    return old.length;
  });
}
