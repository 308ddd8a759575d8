import type { Readable } from 'node:stream';
import type { MailAccount } from '../../domain/mail-account.js';

// What the engine needs from a mailbox, whatever serves it (Graph in graph/graph-mailbox.ts). Ids are immutable ids
// (they survive moves inside the mailbox), so a message listed once can be marked, moved or deleted later.
// Failures are GraphErrors (graph/ports/graph-error.ts).

export type MailFolderRef = { id: string; displayName: string };

/** One message as listed: Graph's JSON (normalised by mail/normalise, and kept as the stored original). */
export type ListedMessage = {
  id: string;
  graph: Record<string, unknown>;
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
   * nothing the caller does to them afterwards can shift the pages (graph.md C1).
   */
  listUnread(folderId: string, limit: number): Promise<ListedMessage[]>;
  /** A file or item attachment's bytes (an attached email as MIME), streamed. */
  openAttachment(messageId: string, attachmentId: string): Promise<AttachmentContent>;
  /** An inline attachment with its content id (listing cannot select content ids, graph.md §4.1). */
  readInlineAttachment(messageId: string, attachmentId: string): Promise<InlineAttachment>;
  /** The whole message as MIME. */
  openMime(messageId: string): Promise<Readable>;
  /** Mark read, or mark read and move, or delete for good. Never throws: the outcome says. */
  afterStep(id: string, action: AfterStepAction): Promise<AfterStepOutcome>;
  createSubscription(request: SubscriptionRequest): Promise<Subscription>;
  /** This app's subscriptions (all mailboxes), to remove those a previous run left behind. */
  listSubscriptions(): Promise<Array<Subscription & { notificationUrl: string; resource: string }>>;
  renewSubscription(id: string, expiresAt: Date): Promise<Subscription>;
  deleteSubscription(id: string): Promise<void>;
  /** Proves the credentials: a token from the identity platform. */
  checkToken(): Promise<void>;
  /** Whether the app may send as this mailbox, without sending anything. */
  checkSendPermission(): Promise<'granted' | 'denied' | 'unknown'>;
}

/** Builds the adapter for an account (its secret is opened only inside). */
export type OpenMailbox = (account: MailAccount) => Mailbox;
