import type { HistoryEntry } from './history.js';

// Something that happened to an SR that rules may react to. It is written in the same transaction as the change
// (beside the history entry that describes it) and deleted in the transaction that acts on it, so a restart
// neither loses an event nor runs it twice: the transactional outbox pattern.
export type SrEventKind = 'sr-created' | 'status-changed' | 'note-added' | 'assigned';

export type SrEvent = {
  /** The id of the history entry it came from. */
  id: string;
  requestId: number;
  kind: SrEventKind;
  at: string;
  actor: { id: string; name: string };
  details: Record<string, unknown>;
};

const KIND_OF: Partial<Record<HistoryEntry['kind'], SrEventKind>> = {
  created: 'sr-created',
  'status-changed': 'status-changed',
  'note-added': 'note-added',
  assigned: 'assigned',
};

/** The event a history entry stands for, or undefined when rules have nothing to react to. */
export function srEventFor(entry: HistoryEntry): SrEvent | undefined {
  const kind = KIND_OF[entry.kind];
  if (!kind) return undefined;
  return {
    id: entry.id,
    requestId: entry.requestId,
    kind,
    at: entry.at,
    actor: entry.actor,
    details: entry.details ?? {},
  };
}
