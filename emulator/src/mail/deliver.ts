import type { MailStore } from '../state/mail-store.js';
import type { Mailbox, StoredMessage } from '../state/mail-types.js';
import { parseMime } from '../mime/parse-mime.js';
import { attachmentFromInput, attachmentFromMime } from './new-attachment.js';
import {
  buildMessage,
  childConversationIndex,
  defaultFields,
  newInternetMessageId,
  threadParent,
} from './new-message.js';
import { fieldsFromInput } from './fields-from-input.js';
import { fieldsFromMime } from './fields-from-mime.js';
import type { MessageInput } from './message-input.js';
import { stampFor, type StampPolicy } from './authentication-stamp.js';

/**
 * Delivers raw RFC 822 into a folder, computing what Exchange computes on arrival: a Message-ID when there is none,
 * and (with a stamp policy) the Authentication-Results header it prepends to mail from outside the tenant.
 */
export async function deliverMime(
  store: MailStore,
  mailbox: Mailbox,
  raw: Buffer,
  folderId: string,
  stamp?: StampPolicy,
): Promise<StoredMessage> {
  const parsed = await parseMime(raw);
  let internetMessageId = parsed.internetMessageId;
  let source = raw;
  if (!internetMessageId) {
    // Exchange stamps a Message-ID on mail that arrives without one.
    internetMessageId = newInternetMessageId();
    source = Buffer.concat([Buffer.from(`Message-ID: ${internetMessageId}\r\n`), source]);
  }
  const authentication = stamp
    ? stampFor(stamp, parsed.from?.emailAddress.address, parsed.headers)
    : undefined;
  if (authentication)
    source = Buffer.concat([Buffer.from(`${authentication.name}: ${authentication.value}\r\n`), source]);
  const parent = threadParent(mailbox, parsed.inReplyTo, parsed.references);
  const threadIndex = parsed.headers.find((h) => h.name.toLowerCase() === 'thread-index')?.value;
  const validIndex = threadIndex && Buffer.from(threadIndex, 'base64').length >= 22 ? threadIndex : null;
  const message = buildMessage(mailbox, folderId, {
    ...defaultFields(),
    ...fieldsFromMime(parsed),
    bccRecipients: parsed.bccRecipients,
    replyTo: parsed.replyTo,
    importance: parsed.importance,
    internetMessageId,
    internetMessageHeaders: authentication ? [authentication, ...parsed.headers] : parsed.headers,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    conversationIndex: parent ? childConversationIndex(parent.conversationIndex) : validIndex,
    receivedAt: Date.now(),
    sentDateTime: `${(parsed.sentDateTime ?? new Date()).toISOString().slice(0, 19)}Z`,
    attachments: parsed.attachments.map((a) => attachmentFromMime(mailbox, a)),
    mime: source.toString('base64'),
  });
  return store.insertMessage(mailbox, message);
}

/** Delivers a Graph message JSON (control API) as a received item, stamped as deliverMime stamps. */
export async function deliverInput(
  store: MailStore,
  mailbox: Mailbox,
  input: MessageInput,
  folderId: string,
  stamp?: StampPolicy,
): Promise<StoredMessage> {
  const attachments = await Promise.all(
    (input.attachments ?? []).map((a) => attachmentFromInput(mailbox, a)),
  );
  const fields = { ...defaultFields(), ...fieldsFromInput(input), attachments };
  const authentication = stamp
    ? stampFor(stamp, fields.from?.emailAddress.address, fields.internetMessageHeaders)
    : undefined;
  if (authentication) fields.internetMessageHeaders = [authentication, ...fields.internetMessageHeaders];
  const receivedAt = fields.receivedAt;
  if (!fields.sentDateTime) fields.sentDateTime = `${new Date(receivedAt).toISOString().slice(0, 19)}Z`;
  const message = buildMessage(mailbox, folderId, fields);
  return store.insertMessage(mailbox, message);
}
