import type { Readable } from 'node:stream';
import type { MailAccount } from '../domain/mail-account.js';

// What the engine needs from a mailbox, whatever serves it: Graph in graph/graph-mailbox.ts (ids are immutable ids
// that survive moves, failures are GraphErrors), IMAP in imap/imap-mailbox.ts (ids are UIDVALIDITY:UID of the watched
// folder, failures are MailTransportErrors). Graph pushes through subscriptions, IMAP through IDLE (`watch`).

export type MailFolderRef = { id: string; displayName: string };

/** One message as listed: Graph's JSON (normalised by reply/normalise, and kept as the stored original)... */
export type GraphListedMessage = {
  id: string;
  format: 'graph';
  graph: Record<string, unknown>;
};

/** ...or raw MIME from IMAP, fetched when the pipeline gets to it (a backlog is not held in memory at once). */
export type MimeListedMessage = {
  id: string;
  format: 'mime';
  /** RFC822.SIZE: the whole message, attachments included. */
  size: number;
  receivedAt: string;
  imap: { uidValidity: string; uid: number };
  /** The whole message. */
  source(): Promise<Buffer>;
  /** The header block alone, for a message too large to fetch. */
  headers(): Promise<Buffer>;
};

export type ListedMessage = GraphListedMessage | MimeListedMessage;

/** Push over IMAP IDLE: `onChange` when the folder may have new mail; `onState` when the watch connects or drops. */
export type MailboxWatch = { stop(): Promise<void> };
export type WatchEvents = {
  onChange(): void;
  onState(state: { connected: boolean; explanation: string }): void;
};

export type AttachmentContent = { body: Readable; contentType: string };

export type InlineAttachment = { contentId?: string; contentType: string; bytes: Buffer };

export type AfterStepAction = { kind: 'mark-read' } | { kind: 'move'; folderId: string } | { kind: 'delete' };

/** Done, already gone (someone else moved or deleted it: also done), or failed for now. */
export type AfterStepOutcome = { outcome: 'done' | 'gone' } | { outcome: 'failed'; error: unknown };

export type SubscriptionRequest = {
  folderId: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  clientState: string;
  expiresAt: Date;
};

export type Subscription = { id: string; expiresAt: string };

export interface Mailbox {
  /** The mailbox address (UPN) this adapter works on. */
  readonly address: string;
  /** A well-known name (inbox), a folder id, or a display name, also of a child folder ("Inbox/Service Desk"). */
  resolveFolder(ref: string): Promise<MailFolderRef>;
  /**
   * Every unread message in the folder, oldest first, at most `limit`. All pages are read before this resolves, so
   * nothing the caller does to them afterwards can shift the pages (docs/graph-behaviour.md C1).
   */
  listUnread(folderId: string, limit: number): Promise<ListedMessage[]>;
  /** A file or item attachment's bytes (an attached email as MIME), streamed. */
  openAttachment(messageId: string, attachmentId: string): Promise<AttachmentContent>;
  /** An inline attachment with its content id (listing cannot select content ids, docs/graph-behaviour.md §4.1). */
  readInlineAttachment(messageId: string, attachmentId: string): Promise<InlineAttachment>;
  /** The whole message as MIME. */
  openMime(messageId: string): Promise<Readable>;
  /** Mark read, or mark read and move, or delete for good. Never throws: the outcome says. */
  afterStep(id: string, action: AfterStepAction): Promise<AfterStepOutcome>;
  // Graph change notifications; absent where the server pushes itself (watch).
  createSubscription?(request: SubscriptionRequest): Promise<Subscription>;
  /** This app's subscriptions (all mailboxes), to remove those a previous run left behind. */
  listSubscriptions?(): Promise<Array<Subscription & { notificationUrl: string; resource: string }>>;
  renewSubscription?(id: string, expiresAt: Date): Promise<Subscription>;
  deleteSubscription?(id: string): Promise<void>;
  /** IMAP IDLE on the folder, reconnecting by itself; every (re)connect reports a change, so the engine catches up. */
  watch?(folderId: string, events: WatchEvents): MailboxWatch;
  /** Closes what the adapter keeps open (IMAP's connection) when the engine is done with it. */
  close?(): Promise<void>;
  /** Test connection in the transport's own steps (DNS, TCP, TLS, sign-in, folder, SMTP), where it has them. */
  diagnose?(folder: string): Promise<ConnectionStepResult[]>;
  /**
   * Proves the credentials as far as the transport can without touching mail: a token from the identity platform, or,
   * for a password, only that one is stored. Resolves with what was proved, in words for the health line.
   */
  checkToken(): Promise<string>;
  /** Whether the app may send as this mailbox, without sending anything. */
  checkSendPermission(): Promise<'granted' | 'denied' | 'unknown'>;
}

export type ConnectionStepResult = {
  name: 'dns' | 'tcp' | 'tls' | 'authentication' | 'folder' | 'smtp';
  ok: boolean;
  detail: string;
};

/** Builds the adapter for an account (its secret is opened only inside). */
export type OpenMailbox = (account: MailAccount) => Mailbox;
