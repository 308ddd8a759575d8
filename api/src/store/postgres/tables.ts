import { createHash } from 'node:crypto';
import type { Attachment } from '../../domain/attachment.js';
import type { HistoryEntry } from '../../domain/history.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { Note } from '../../domain/note.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { ProcessedMessage } from '../../domain/processed-message.js';
import { PRIORITIES, type ServiceRequest } from '../../domain/service-request.js';
import type { CollectionName, StoredRecord } from '../../ports/store.js';
import {
  mailCenterSearchText,
  messageIdKey,
  outboundMessageIdKey,
  requestSearchText,
} from '../query-keys.js';

// How each collection lies in PostgreSQL: the record whole in `doc` (jsonb), and beside it a real column for every
// field a named query filters or sorts on, computed here at write time (migrations/*.sql create the same columns).

export const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export type TableSpec = {
  table: string;
  /** bigint ids come back from pg as strings; the record's own id (in doc) is what callers see. */
  idType: 'bigint' | 'text';
  /**
   * The primary key is sha256(id) instead of the id: ledger ids hold a Message-ID, which may be longer than a btree
   * index entry can be (about 2.7 kB).
   */
  hashedId?: boolean;
  columns: Record<string, (record: never) => unknown>;
};

const cols = <T>(columns: Record<string, (record: T) => unknown>) =>
  columns as Record<string, (record: never) => unknown>;
const text = (value: string | undefined) => value ?? null;

export const TABLES: Record<CollectionName, TableSpec> = {
  requests: {
    table: 'requests',
    idType: 'bigint',
    columns: cols<ServiceRequest>({
      status_lc: (sr) => sr.status.toLowerCase(),
      status: (sr) => sr.status,
      assignee_lc: (sr) => text(sr.assignee?.email.toLowerCase()),
      has_new_reply: (sr) => sr.hasNewEmailReply,
      title: (sr) => sr.title,
      priority_rank: (sr) => PRIORITIES.indexOf(sr.priority),
      created_at: (sr) => sr.createdAt,
      updated_at: (sr) => sr.updatedAt,
      search: (sr) => requestSearchText(sr),
    }),
  },
  notes: {
    table: 'notes',
    idType: 'text',
    columns: cols<Note>({
      request_id: (n) => n.requestId,
      message_id: (n) => text(messageIdKey(n.email?.internetMessageId)),
    }),
  },
  attachments: {
    table: 'attachments',
    idType: 'text',
    columns: cols<Attachment>({ request_id: (a) => a.requestId, note_id: (a) => text(a.noteId) }),
  },
  history: {
    table: 'history',
    idType: 'text',
    columns: cols<HistoryEntry>({
      request_id: (h) => h.requestId,
      note_id: (h) => (typeof h.details?.['noteId'] === 'string' ? h.details['noteId'] : null),
    }),
  },
  outboundEmails: {
    table: 'outbound_emails',
    idType: 'bigint',
    columns: cols<OutboundEmail>({
      request_id: (e) => e.requestId,
      account_id: (e) => e.accountId,
      message_id: (e) => outboundMessageIdKey(e.internetMessageId),
      conversation_id: (e) => text(e.conversationId),
      status: (e) => e.status,
      attempted_at: (e) => text(e.attemptedAt),
      queued_at: (e) => e.queuedAt,
    }),
  },
  mailCenter: {
    table: 'mail_center',
    idType: 'text',
    columns: cols<MailCenterItem>({
      mailbox: (i) => i.mailbox,
      state: (i) => i.state,
      reason: (i) => i.reason,
      message_id: (i) => text(messageIdKey(i.internetMessageId)),
      received_at: (i) => i.receivedAt,
      created_at: (i) => i.createdAt,
      resolved_note_id: (i) => text(i.resolution?.noteId),
      search: (i) => mailCenterSearchText(i),
    }),
  },
  processedMessages: {
    table: 'processed_messages',
    idType: 'text',
    hashedId: true,
    columns: cols<ProcessedMessage>({
      account_id: (e) => e.accountId,
      mailbox: (e) => e.mailbox.toLowerCase(),
      message_hash: (e) => (e.internetMessageId === undefined ? null : sha256(e.internetMessageId)),
      after_step: (e) => e.afterStep,
      processed_at: (e) => e.processedAt,
      note_id: (e) => text(e.noteId),
    }),
  },
  srEvents: { table: 'sr_events', idType: 'text', columns: {} },
  noteTypes: { table: 'note_types', idType: 'text', columns: {} },
  mailAccounts: { table: 'mail_accounts', idType: 'text', columns: {} },
  settings: { table: 'settings', idType: 'text', columns: {} },
  mailTemplates: { table: 'mail_templates', idType: 'text', columns: {} },
  rules: { table: 'rules', idType: 'text', columns: {} },
};

/** The key column and its value for an id. */
export function keyOf(spec: TableSpec, id: StoredRecord['id']): { column: string; value: unknown } {
  return spec.hashedId ? { column: 'id_hash', value: sha256(String(id)) } : { column: 'id', value: id };
}

/** An id of the wrong type for the table (a string for an SR) names no record, as in the memory store. */
export function isIdOfTable(spec: TableSpec, id: unknown): boolean {
  return spec.idType === 'bigint'
    ? typeof id === 'number' && Number.isSafeInteger(id)
    : typeof id === 'string';
}
