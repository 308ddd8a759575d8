// Append-only audit of an SR. Each kind says what happened; `details` carries the specifics
// (old and new status, the email's subject and sender, the signal that matched it ...).
export type HistoryKind =
  | 'created'
  | 'updated'
  | 'status-changed'
  | 'assigned'
  | 'note-added'
  | 'note-from-email'
  | 'attachment-added'
  | 'email-sent'
  | 'email-stopped'
  | 'linked-manually'
  | 'note-moved'
  | 'reply-held';

export type HistoryEntry = {
  id: string;
  requestId: number;
  kind: HistoryKind;
  summary: string;
  actor: { id: string; name: string };
  at: string;
  details?: Record<string, unknown>;
};

export const SYSTEM_ACTOR = { id: 'system', name: 'Service Messaging' } as const;
