import type { Attachment } from '../../domain/attachment.js';
import type { HistoryEntry } from '../../domain/history.js';
import type { MailAccount } from '../../domain/mail-account.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { MailTemplate } from '../../domain/mail-template.js';
import type { Note } from '../../domain/note.js';
import type { NoteType } from '../../domain/note-type.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { ProcessedMessage } from '../../domain/processed-message.js';
import type { Rule } from '../../domain/rule.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { Settings } from '../../domain/settings.js';
import type { SrEvent } from '../../domain/sr-event.js';

// The Store port: what services see of storage. Adapters (lowdb, memory) live beside this folder.

export type RecordId = string | number;
export type StoredRecord = { id: RecordId };

/**
 * Every collection and the record it holds. A later issue adds a collection here, gives its record a
 * domain type, and adds a migration that creates it in existing databases.
 */
export type Collections = {
  requests: ServiceRequest;
  notes: Note;
  attachments: Attachment;
  history: HistoryEntry;
  noteTypes: NoteType & { id: string };
  mailAccounts: MailAccount;
  settings: Settings & { id: 'settings' };
  outboundEmails: OutboundEmail;
  mailCenter: MailCenterItem;
  processedMessages: ProcessedMessage;
  mailTemplates: MailTemplate;
  rules: Rule;
  srEvents: SrEvent;
};

export type CollectionName = keyof Collections;

/**
 * Reads return copies: changing a returned record changes nothing stored. Predicates see the stored
 * record itself, frozen, so they cannot change it either. Lists keep the order records were first inserted.
 */
export interface ReadCollection<T extends StoredRecord> {
  get(id: T['id']): Promise<T | undefined>;
  all(): Promise<T[]>;
  find(predicate: (record: T) => boolean): Promise<T[]>;
  findOne(predicate: (record: T) => boolean): Promise<T | undefined>;
  count(predicate?: (record: T) => boolean): Promise<number>;
}

export interface Collection<T extends StoredRecord> extends ReadCollection<T> {
  /**
   * Fails with AppError 'conflict' when the id is taken. Records are stored as JSON: a property set to
   * `undefined` is dropped (so `put` with `assignee: undefined` clears it), and values JSON would change
   * (Dates, Maps, NaN, `undefined` in a list ...) are refused with a TypeError.
   */
  insert(record: T): Promise<T>;
  /** Inserts or replaces. */
  put(record: T): Promise<T>;
  /** Returns whether something was deleted. */
  delete(id: T['id']): Promise<boolean>;
}

export interface ReadTransaction {
  collection<K extends CollectionName>(name: K): ReadCollection<Collections[K]>;
}

export interface Transaction {
  collection<K extends CollectionName>(name: K): Collection<Collections[K]>;
  /** The next number of a named sequence (SR numbers, outbound email numbers ...); rolled back with the transaction. */
  nextSequence(name: string): Promise<number>;
}

export interface Store {
  /** Reads committed data, as a snapshot taken when `work` starts: commits made meanwhile are not seen. */
  read<R>(work: (tx: ReadTransaction) => Promise<R>): Promise<R>;
  /**
   * A unit of work: every change made through `tx` commits together when `work` resolves, durably
   * (the lowdb adapter has written the file before this resolves), or none does when it throws.
   * Transactions run one at a time.
   */
  transact<R>(work: (tx: Transaction) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}
