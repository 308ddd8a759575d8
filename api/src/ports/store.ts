import type { Attachment } from '../domain/attachment.js';
import type { HistoryEntry } from '../domain/history.js';
import type { MailAccount } from '../domain/mail-account.js';
import type { MailCenterItem } from '../domain/mail-center-item.js';
import type { MailTemplate } from '../domain/mail-template.js';
import type { Note } from '../domain/note.js';
import type { NoteType } from '../domain/note-type.js';
import type { OutboundEmail } from '../domain/outbound-email.js';
import type { ProcessedMessage } from '../domain/processed-message.js';
import type { Rule } from '../domain/rule.js';
import type { ServiceRequest } from '../domain/service-request.js';
import type { Settings } from '../domain/settings.js';
import type { SrEvent } from '../domain/sr-event.js';
import type {
  AttachmentQueries,
  HistoryQueries,
  MailCenterQueries,
  NoteQueries,
  OutboundEmailQueries,
  ProcessedMessageQueries,
  RequestQueries,
  SmallCollectionQueries,
  SrEventQueries,
} from './store-queries.js';

// The Store port: what services see of storage. Adapters (memory, lowdb, PostgreSQL) live beside this folder.

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
 * What a commit changed: the collections written and the ids written in each (inserted, replaced or deleted), and
 * the SRs the written records belong to (a request's own id, any other record's `requestId`), so a live screen
 * showing an SR knows to reload without reading anything. A change heard from another instance may name its
 * collections only (the notice is bounded): its id lists are then empty and `requestIds` is absent, meaning any
 * record of those collections, of any SR, may have changed. `byOtherInstance`: the change was heard from another
 * instance, not committed by this one.
 */
export type CommitChange = {
  collections: { [K in CollectionName]?: Array<Collections[K]['id']> };
  requestIds?: number[];
  byOtherInstance?: true;
};

type QueriesOf = {
  requests: RequestQueries;
  notes: NoteQueries;
  attachments: AttachmentQueries;
  history: HistoryQueries;
  outboundEmails: OutboundEmailQueries;
  mailCenter: MailCenterQueries;
  processedMessages: ProcessedMessageQueries;
  srEvents: SrEventQueries;
  noteTypes: SmallCollectionQueries<Collections['noteTypes']>;
  mailAccounts: SmallCollectionQueries<Collections['mailAccounts']>;
  settings: SmallCollectionQueries<Collections['settings']>;
  mailTemplates: SmallCollectionQueries<Collections['mailTemplates']>;
  rules: SmallCollectionQueries<Collections['rules']>;
};

/**
 * Reads return copies: changing a returned record changes nothing stored. Besides `get` and `count`, a collection
 * answers only its named queries (store-queries.ts): there is no predicate scan, so every read has an index behind
 * it in a database. `page` walks a whole collection in insertion order, for copying a desk and for tests.
 */
export interface RecordReads<T extends StoredRecord> {
  get(id: T['id']): Promise<T | undefined>;
  /** The records of `ids` that exist, in the order of `ids`: one round trip for many, where `get` costs one each. */
  getMany(ids: ReadonlyArray<T['id']>): Promise<T[]>;
  count(): Promise<number>;
  page(after: T['id'] | undefined, limit: number): Promise<T[]>;
}

export interface RecordWrites<T extends StoredRecord> {
  /**
   * Fails with AppError 'conflict' when the id is taken. Records are stored as JSON: a property set to
   * `undefined` is dropped (so `put` with `assignee: undefined` clears it), and values JSON would change
   * (Dates, Maps, NaN, `undefined` in a list ...) are refused with a TypeError.
   */
  insert(record: T): Promise<T>;
  /**
   * `get`, and the record stays locked until the transaction ends: another transaction that writes or locks it waits
   * for this one. What a `row-locks` transaction reads to decide a write of that record (TransactOptions).
   */
  getForUpdate(id: T['id']): Promise<T | undefined>;
  /** Inserts or replaces. */
  put(record: T): Promise<T>;
  /** `put` for each record, in one go; of two with the same id, the later wins. */
  putMany(records: readonly T[]): Promise<void>;
  /** Returns whether something was deleted. */
  delete(id: T['id']): Promise<boolean>;
}

export type ReadCollection<K extends CollectionName> = RecordReads<Collections[K]> & QueriesOf[K];
export type Collection<K extends CollectionName> = ReadCollection<K> & RecordWrites<Collections[K]>;

export interface ReadTransaction {
  collection<K extends CollectionName>(name: K): ReadCollection<K>;
}

export interface Transaction {
  collection<K extends CollectionName>(name: K): Collection<K>;
  /** The next number of a named sequence (SR numbers, outbound email numbers ...); rolled back with the transaction. */
  nextSequence(name: string): Promise<number>;
  /**
   * Stores shared by several instances (PostgreSQL) only: the current fence of lease `name` (ports/coordination.ts),
   * locked until this transaction ends so no new holder can take the lease before it commits. A write made for a
   * lease holder checks it first, so an instance that lost the lease (frozen past it) cannot write.
   */
  leaseFence?(name: string): Promise<number | undefined>;
}

export interface Store {
  /** Reads committed data, as a snapshot taken when `work` starts: commits made meanwhile are not seen. */
  read<R>(work: (tx: ReadTransaction) => Promise<R>): Promise<R>;
  /**
   * A unit of work: every change made through `tx` commits together when `work` resolves, durably
   * (the lowdb adapter has written the file before this resolves), or none does when it throws.
   * Transactions behave as if they ran one at a time (serializable). An adapter that runs them concurrently
   * may run `work` again after a serialisation conflict, so `work` does nothing outside `tx` it cannot repeat.
   */
  transact<R>(work: (tx: Transaction) => Promise<R>, options?: TransactOptions): Promise<R>;
  /**
   * Calls `listener` after every commit that changed something, with what it changed; returns the unsubscribe.
   * On PostgreSQL the change also reaches listeners in other processes sharing the database.
   */
  onCommit(listener: (change: CommitChange) => void): () => void;
  /** Whether the store can serve requests now, and why not. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/**
 * Adapters that run one transaction at a time ignore both.
 *
 * `serialiseOn`: transactions given the same key never overlap, in this process or in any other sharing the
 * database. Correctness never depends on it (transactions are serializable anyway); it spares instances that would
 * otherwise collide on the same records (claiming the same queued email) an abort and a retry each.
 *
 * `isolation` (default 'serializable'): the store keeps the transaction as if it ran alone, and runs `work` again when
 * a concurrent one made that impossible. With 'row-locks', `work` itself locks each record it decides a write on
 * (`getForUpdate`), before reading it; anything else it reads is what has committed at that moment. Then transactions
 * on different records neither wait for nor abort each other, whatever pages of the tables they share: for many small
 * writes that each touch one SR, as the mail engine's are.
 */
export type TransactOptions = { serialiseOn?: string; isolation?: 'serializable' | 'row-locks' };

export type StoreHealth = { ok: boolean; detail: string; warning?: string };
