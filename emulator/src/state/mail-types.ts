// The emulator's stored shapes: plain JSON (base64 for bytes) so a snapshot is one JSON.stringify.

export type EmailAddress = { name: string; address: string };
export type Recipient = { emailAddress: EmailAddress };
export type ItemBody = { contentType: 'html' | 'text'; content: string };
export type MessageHeader = { name: string; value: string };

export type StoredAttachment = {
  id: string;
  kind: 'file' | 'item' | 'reference';
  name: string;
  contentType: string | null;
  size: number;
  isInline: boolean;
  contentId: string | null;
  contentLocation: string | null;
  lastModifiedDateTime: string;
  /** file: the bytes, base64. */
  contentBytes?: string;
  /** item: the attached message as RFC 822, base64 (what `/$value` returns). */
  itemMime?: string;
  /** reference: the link (v1.0 does not expose it as a property). */
  sourceUrl?: string;
};

export type StoredMessage = {
  /** Changes on every move unless the caller asks for immutable ids. */
  restId: string;
  immutableId: string;
  folderId: string;
  odataType: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Millisecond arrival time; Graph shows receivedDateTime at second precision, this orders ties. */
  receivedAt: number;
  sentDateTime: string | null;
  changeKey: string;
  internetMessageId: string;
  conversationId: string;
  conversationIndex: string;
  subject: string;
  body: ItemBody;
  /** The part of the body without quoted history (Exchange computes it; only on $select). */
  uniqueBody: ItemBody;
  importance: 'low' | 'normal' | 'high';
  isRead: boolean;
  isDraft: boolean;
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  inferenceClassification: 'focused' | 'other';
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  flagStatus: 'notFlagged' | 'complete' | 'flagged';
  categories: string[];
  internetMessageHeaders: MessageHeader[];
  /** Threading headers Graph will not let a client set directly; they go into the MIME on send. */
  inReplyTo: string | null;
  references: string | null;
  attachments: StoredAttachment[];
  /** The RFC 822 source when the message arrived as MIME, base64. */
  mime: string | null;
  /** Position in the mailbox's change sequence (drives delta). */
  seq: number;
};

export type StoredFolder = {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName: string | null;
  isHidden: boolean;
};

export type Tombstone = {
  folderId: string;
  restId: string;
  immutableId: string;
  seq: number;
  reason: 'deleted' | 'changed';
};

export type Mailbox = {
  address: string;
  userId: string;
  displayName: string;
  kind: 'tenant' | 'customer';
  rootFolderId: string;
  folders: StoredFolder[];
  messages: StoredMessage[];
  tombstones: Tombstone[];
};

export type StoredSubscription = {
  id: string;
  applicationId: string;
  creatorId: string;
  mailbox: string;
  /** Folder the resource is scoped to, or null for the whole mailbox. */
  folderId: string | null;
  resource: string;
  filter: string | null;
  changeType: string;
  clientState: string | null;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  latestSupportedTlsVersion: string;
  immutableIds: boolean;
  /** After reauthorizationRequired, nothing is delivered until the app renews or reauthorizes (docs/graph-behaviour.md C20). */
  paused: boolean;
};

export type StoreState = {
  seq: number;
  /** Changing it invalidates every delta token handed out before. */
  deltaEpoch: string;
  mailboxes: Mailbox[];
  subscriptions: StoredSubscription[];
};
