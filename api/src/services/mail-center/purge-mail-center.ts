import type { ServiceDeps } from '../deps.js';
import { loadSettings } from '../settings/load-settings.js';

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;

/**
 * Mail Center items older than the retention (settings.mailCenterRetentionDays) go; the ledger stays, so a purged
 * email is never imported again. Every instance of a cluster asks hourly; one of them purges per hour, the others
 * find the hour taken and return 0.
 */
export async function purgeMailCenter(
  deps: Pick<ServiceDeps, 'store' | 'clock' | 'cluster'>,
): Promise<number> {
  if (deps.cluster && !(await deps.cluster.claimPeriodic('mail-center-retention', HOUR, deps.clock())))
    return 0;
  return deps.store.transact(async (tx) => {
    const settings = await loadSettings(tx);
    const cutoff = deps.clock().getTime() - settings.mailCenterRetentionDays * DAY;
    const old = await tx.collection('mailCenter').createdBefore(new Date(cutoff).toISOString());
    for (const item of old) await tx.collection('mailCenter').delete(item.id);
    return old.length;
  });
}
