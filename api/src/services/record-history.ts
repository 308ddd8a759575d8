import type { HistoryEntry, HistoryKind } from '../domain/history.js';
import type { Transaction } from '../store/ports/store.js';
import type { ServiceDeps } from './deps.js';

type Actor = { id: string; name: string };

/** Appends to an SR's history inside the caller's transaction, so the entry commits with the change it describes. */
export async function recordHistory(
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  tx: Transaction,
  entry: { requestId: number; kind: HistoryKind; summary: string; actor: Actor; details?: Record<string, unknown> },
): Promise<HistoryEntry> {
  return tx.collection('history').insert({
    id: deps.newId(),
    at: deps.clock().toISOString(),
    ...entry,
    actor: { id: entry.actor.id, name: entry.actor.name },
  });
}
