import type { HistoryEntry } from '../../domain/history.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from './load-request.js';

/** Newest first: the audit trail people scan from the top. */
export async function listHistory(deps: ServiceDeps, requestId: number): Promise<HistoryEntry[]> {
  return deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    const entries = await tx.collection('history').ofRequest(requestId);
    return entries.sort((a, b) => b.at.localeCompare(a.at));
  });
}
