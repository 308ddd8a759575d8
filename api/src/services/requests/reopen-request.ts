import { findStatus } from '../../domain/status.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from './load-request.js';
import { loadSettings } from '../settings/load-settings.js';
import { recordHistory } from './record-history.js';

/**
 * A closed SR back to the settings' reopen status, because an agent filed a reply that arrived after it closed
 * ("Reopen and file"). An SR that is open already is left as it is.
 */
export async function reopenRequest(
  deps: ServiceDeps,
  requestId: number,
  actor: { id: string; name: string },
): Promise<void> {
  await deps.store.transact(async (tx) => {
    const sr = await loadRequest(tx, requestId);
    const settings = await loadSettings(tx);
    const target = findStatus(settings.statuses, settings.reopenStatus);
    if (!findStatus(settings.statuses, sr.status)?.isClosed || !target || target.isClosed) return;
    const now = deps.clock().toISOString();
    await tx.collection('requests').put({ ...sr, status: target.name, updatedAt: now });
    await recordHistory(deps, tx, {
      requestId,
      kind: 'status-changed',
      summary: `Status changed from ${sr.status} to ${target.name} by ${actor.name}, to file a reply that arrived after it closed`,
      actor,
      details: { from: sr.status, to: target.name, reason: 'reopened-to-file' },
    });
  });
}
