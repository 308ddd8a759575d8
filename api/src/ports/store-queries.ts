import type { Attachment } from '../domain/attachment.js';
import type { HistoryEntry } from '../domain/history.js';
import type { MailCenterItem, MailCenterReason, MailCenterState } from '../domain/mail-center-item.js';
import type { Note } from '../domain/note.js';
import type { OutboundEmail } from '../domain/outbound-email.js';
import type { ProcessedMessage } from '../domain/processed-message.js';
import type { RequestSort, ServiceRequest } from '../domain/service-request.js';

export type { RequestSort };
import type { SrEvent } from '../domain/sr-event.js';

// The named queries of the big collections: each is a question an adapter can answer with an index, so no
// service ever scans a whole collection in JavaScript. Lists of "one SR's X" keep the order the records were
// first inserted, as every collection's reads do.

/**
 * One page of a keyset-paged list; `next` is passed back as `after` for the following page. `total` counts the
 * matches up to the query's `countUpTo` (default LIST_COUNT_LIMIT); past it, `total` is that number and
 * `totalIsCapped` is true ("1,000+"): counting every match of a broad filter on a big desk would cost more than
 * finding the page itself.
 */
export type KeysetPage<T, C> = { items: T[]; total: number; totalIsCapped?: boolean; next?: C };

export const LIST_COUNT_LIMIT = 1_000;

/** The total of a page whose matches were counted up to `limit + 1`. */
export const cappedTotal = (
  counted: number,
  limit = LIST_COUNT_LIMIT,
): { total: number; totalIsCapped?: boolean } =>
  counted > limit ? { total: limit, totalIsCapped: true } : { total: counted };

/** Where the previous page ended: the sort key's value (a priority is its rank) and the SR id, the tie-break. */
export type RequestCursor = { value: string | number; id: number };

export type RequestListQuery = {
  /** Case-insensitive substring of the SR number, title, description, requester and participants; matched literally. */
  search?: string;
  /** Status names, compared case-insensitively; empty or absent means every status. */
  statuses?: string[];
  /** Status names left out (case-insensitive): the closed ones, for the open SRs view. */
  excludeStatuses?: string[];
  /** An assignee's email (case-insensitive), or null for SRs without one. */
  assignee?: string | null;
  hasNewEmailReply?: boolean;
  sort: RequestSort;
  order: 'asc' | 'desc';
  limit: number;
  after?: RequestCursor;
  /** Skip this many first (a page number in the address bar); ignored with `after`, which is how deep pages stay cheap. */
  offset?: number;
  /** Count matches up to this many (default LIST_COUNT_LIMIT). */
  countUpTo?: number;
};

export interface RequestQueries {
  /** Filtered, searched and sorted (ties by id in the same direction), one page at a time; `total` counts the matches (capped). */
  list(query: RequestListQuery): Promise<KeysetPage<ServiceRequest, RequestCursor>>;
  /** SRs in any of these statuses (case-insensitive): the open SRs a suggestion may point to. */
  withStatusIn(statuses: readonly string[]): Promise<ServiceRequest[]>;
  /** Every distinct status some SR has. */
  statusesInUse(): Promise<string[]>;
}

/** The orphan blob sweep's question to a collection whose records point at blobs. */
export interface BlobReferenceQueries {
  /** Of these sha256s, the ones some record of this collection references (each once, in no particular order). */
  blobRefsAmong(sha256s: readonly string[]): Promise<string[]>;
}

export interface NoteQueries extends BlobReferenceQueries {
  ofRequest(requestId: number): Promise<Note[]>;
  /** Notes made from the email with this Message-ID (angle brackets and spaces around it ignored). */
  byMessageId(internetMessageId: string): Promise<Note[]>;
}

export interface AttachmentQueries extends BlobReferenceQueries {
  ofRequest(requestId: number): Promise<Attachment[]>;
  ofNote(noteId: string): Promise<Attachment[]>;
}

export interface HistoryQueries {
  ofRequest(requestId: number): Promise<HistoryEntry[]>;
  /** Entries whose details name this note (it was added, filed or moved). */
  ofNote(noteId: string): Promise<HistoryEntry[]>;
}

export interface OutboundEmailQueries {
  ofRequest(requestId: number): Promise<OutboundEmail[]>;
  /** Compared without angle brackets and case-insensitively, as Message-IDs come back in headers. */
  byMessageId(internetMessageId: string): Promise<OutboundEmail[]>;
  byConversationId(conversationId: string): Promise<OutboundEmail[]>;
  /** Queued or being sent, in id order: the outbound worker's to-do list. */
  unfinished(): Promise<OutboundEmail[]>;
  /** Emails of one account tried at or after `since` (ISO time): the per-mailbox sending rate. */
  attemptedSince(accountId: string, since: string): Promise<OutboundEmail[]>;
  /** Emails queued at or after `since` (ISO time): the rate limits of rules. */
  queuedSince(since: string): Promise<OutboundEmail[]>;
}

export type MailCenterCursor = { receivedAt: string; createdAt: string; id: string };

export type MailCenterListQuery = {
  reason?: MailCenterReason;
  state?: MailCenterState;
  /** Every word must be in the subject, the sender or the preview (case-insensitive, literal). */
  words?: string[];
  limit: number;
  after?: MailCenterCursor;
  /** Count matches up to this many (default LIST_COUNT_LIMIT). */
  countUpTo?: number;
};

export interface MailCenterQueries extends BlobReferenceQueries {
  /** Newest received first (then newest created, then id), one page at a time. */
  list(query: MailCenterListQuery): Promise<KeysetPage<MailCenterItem, MailCenterCursor>>;
  /** Compared without angle brackets, as byMessageId of notes. */
  byMessageId(internetMessageId: string): Promise<MailCenterItem[]>;
  /** Items of one mailbox (lower-case address) in this state, optionally with this reason. */
  ofMailbox(
    mailbox: string,
    filter: { state: MailCenterState; reason?: MailCenterReason },
  ): Promise<MailCenterItem[]>;
  createdBefore(at: string): Promise<MailCenterItem[]>;
  resolvedToNote(noteId: string): Promise<MailCenterItem[]>;
}

export interface ProcessedMessageQueries {
  /** The exactly-once key: the entry for this Message-ID in this mailbox (case-insensitive address). */
  byMessage(mailbox: string, internetMessageId: string): Promise<ProcessedMessage | undefined>;
  /** Entries of an account whose after-step is still pending, processed before `before` (ISO time). */
  pendingAfterStep(accountId: string, before: string): Promise<ProcessedMessage[]>;
  processedSince(accountId: string, since: string): Promise<ProcessedMessage[]>;
  ofNote(noteId: string): Promise<ProcessedMessage[]>;
}

export interface SrEventQueries {
  /** The outbox, oldest first. */
  pending(): Promise<SrEvent[]>;
}

/**
 * The admin collections hold tens of records (accounts, note types, templates, rules, the settings record), so
 * reading them whole is their query; callers filter in memory.
 */
export interface SmallCollectionQueries<T> {
  all(): Promise<T[]>;
}
