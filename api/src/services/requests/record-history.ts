import type { HistoryEntry, HistoryKind } from '../../domain/history.js';
import { srEventFor } from '../../domain/sr-event.js';
import type { Transaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';

type Actor = { id: string; name: string };

/**
 * Appends to an SR's history inside the caller's transaction, so the entry commits with the change it describes.
 * A change rules may react to (created, status, assignee, note) also leaves an event in the outbox, in the same
 * transaction: rules then run after the commit, once per event, whichever service made the change.
 */
export async function recordHistory(
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  tx: Transaction,
  entry: {
    requestId: number;
    kind: HistoryKind;
    summary: string;
    actor: Actor;
    details?: Record<string, unknown>;
  },
): Promise<HistoryEntry> {
  const recorded = await tx.collection('history').insert({
    id: deps.newId(),
    at: deps.clock().toISOString(),
    ...entry,
    actor: { id: entry.actor.id, name: entry.actor.name },
  });
  const event = srEventFor(recorded);
  if (event) await tx.collection('srEvents').insert(event);
  return recorded;
}
