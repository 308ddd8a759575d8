import { randomBytes } from 'node:crypto';
import { newId } from '../core/ids.js';
import { newChangeKey, nowSeconds } from '../state/mail-store.js';
import type {
  Mailbox,
  MessageHeader,
  Recipient,
  StoredAttachment,
  StoredMessage,
  ItemBody,
} from '../state/mail-types.js';
import { uniqueBodyOf, wrapHtml } from './body-text.js';

export type MessageFields = {
  subject: string;
  body: ItemBody;
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  importance: StoredMessage['importance'];
  isRead: boolean;
  isDraft: boolean;
  internetMessageId: string | null;
  internetMessageHeaders: MessageHeader[];
  inReplyTo: string | null;
  references: string | null;
  /** Conversation index of the thread parent, or of the incoming Thread-Index header. */
  conversationIndex: string | null;
  receivedAt: number;
  sentDateTime: string | null;
  odataType: string;
  categories: string[];
  flagStatus: StoredMessage['flagStatus'];
  inferenceClassification: StoredMessage['inferenceClassification'];
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  attachments: StoredAttachment[];
  mime: string | null;
};

export function defaultFields(): MessageFields {
  return {
    subject: '',
    body: { contentType: 'text', content: '' },
    from: null,
    sender: null,
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    importance: 'normal',
    isRead: false,
    isDraft: false,
    internetMessageId: null,
    internetMessageHeaders: [],
    inReplyTo: null,
    references: null,
    conversationIndex: null,
    receivedAt: Date.now(),
    sentDateTime: null,
    odataType: '#microsoft.graph.message',
    categories: [],
    flagStatus: 'notFlagged',
    inferenceClassification: 'focused',
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    attachments: [],
    mime: null,
  };
}

/** What Exchange computes for a new item: ids, Message-ID, conversation, stored HTML form, uniqueBody. */
export function buildMessage(mailbox: Mailbox, folderId: string, fields: MessageFields): StoredMessage {
  const created = nowSeconds(new Date(fields.receivedAt));
  const body =
    fields.body.contentType === 'html'
      ? { contentType: 'html' as const, content: wrapHtml(fields.body.content) }
      : fields.body;
  const conversationIndex = fields.conversationIndex ?? newConversationIndex();
  return {
    restId: newId('message', mailbox.userId),
    immutableId: newId('immutable', mailbox.userId),
    folderId,
    odataType: fields.odataType,
    createdDateTime: created,
    lastModifiedDateTime: created,
    receivedAt: fields.receivedAt,
    sentDateTime: fields.sentDateTime,
    changeKey: newChangeKey(),
    internetMessageId: fields.internetMessageId ?? newInternetMessageId(),
    conversationId: conversationIdFor(mailbox, conversationIndex),
    conversationIndex,
    subject: fields.subject,
    body,
    uniqueBody: uniqueBodyOf(body),
    importance: fields.importance,
    isRead: fields.isRead,
    isDraft: fields.isDraft,
    isDeliveryReceiptRequested: fields.isDeliveryReceiptRequested,
    isReadReceiptRequested: fields.isReadReceiptRequested,
    inferenceClassification: fields.inferenceClassification,
    from: fields.from,
    sender: fields.sender,
    toRecipients: fields.toRecipients,
    ccRecipients: fields.ccRecipients,
    bccRecipients: fields.bccRecipients,
    replyTo: fields.replyTo,
    flagStatus: fields.flagStatus,
    categories: fields.categories,
    internetMessageHeaders: fields.internetMessageHeaders,
    inReplyTo: fields.inReplyTo,
    references: fields.references,
    attachments: fields.attachments,
    mime: fields.mime,
    seq: 0,
  };
}

/** Exchange-shaped Message-ID: `<{server}{hex}@{server}.namprd00.prod.outlook.com>`. */
export function newInternetMessageId(): string {
  const server = `EMU0PR01MB${(randomBytes(2).readUInt16BE() % 9000) + 1000}`;
  return `<${server}${randomBytes(12).toString('hex').toUpperCase()}@${server}.namprd00.prod.outlook.com>`;
}

/** Thread-Index: 1 reserved byte, 5 bytes of time, a 16-byte conversation GUID (MS-OXOMSG). */
export function newConversationIndex(): string {
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(Date.now()) * 10_000n + 116_444_736_000_000_000n);
  return Buffer.concat([Buffer.from([0x01]), time.subarray(0, 5), randomBytes(16)]).toString('base64');
}

/** A reply's index: the parent's plus a 5-byte child block. */
export function childConversationIndex(parent: string): string {
  return Buffer.concat([Buffer.from(parent, 'base64'), randomBytes(5)]).toString('base64');
}

/** The conversation id is per mailbox but derived from the thread's GUID, so replies land in the same conversation. */
export function conversationIdFor(mailbox: Mailbox, conversationIndex: string): string {
  const bytes = Buffer.from(conversationIndex, 'base64');
  const guid = bytes.length >= 22 ? bytes.subarray(6, 22) : randomBytes(16);
  return Buffer.concat([
    Buffer.from([0x00, 0x04, 0x24, 0x00]),
    Buffer.from(mailbox.userId, 'ascii'),
    Buffer.from([0x00, 0x10, 0x00]),
    guid,
  ])
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** The thread parent in this mailbox named by In-Reply-To or References, if any. */
export function threadParent(
  mailbox: Mailbox,
  inReplyTo: string | null,
  references: string | null,
): StoredMessage | undefined {
  const ids = [inReplyTo, ...(references ?? '').split(/[\s,]+/).reverse()].filter((id): id is string =>
    Boolean(id),
  );
  for (const id of ids) {
    const parent = mailbox.messages.find((m) => m.internetMessageId === id);
    if (parent) return parent;
  }
  return undefined;
}
