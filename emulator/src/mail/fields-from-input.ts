import type { MessageInput } from './message-input.js';
import type { MessageFields } from './new-message.js';

/** The scalar fields a Graph message body sets (attachments are converted separately, they need the mailbox). */
export function fieldsFromInput(input: MessageInput): Partial<MessageFields> {
  const fields: Partial<MessageFields> = {};
  if (input.subject !== undefined) fields.subject = input.subject;
  if (input.body !== undefined) fields.body = input.body;
  if (input.toRecipients !== undefined) fields.toRecipients = input.toRecipients;
  if (input.ccRecipients !== undefined) fields.ccRecipients = input.ccRecipients;
  if (input.bccRecipients !== undefined) fields.bccRecipients = input.bccRecipients;
  if (input.replyTo !== undefined) fields.replyTo = input.replyTo;
  if (input.from !== undefined) fields.from = input.from;
  if (input.sender !== undefined) fields.sender = input.sender;
  if (input.importance !== undefined) fields.importance = input.importance;
  if (input.inferenceClassification !== undefined)
    fields.inferenceClassification = input.inferenceClassification;
  if (input.isRead !== undefined) fields.isRead = input.isRead;
  if (input.isDeliveryReceiptRequested !== undefined)
    fields.isDeliveryReceiptRequested = input.isDeliveryReceiptRequested;
  if (input.isReadReceiptRequested !== undefined)
    fields.isReadReceiptRequested = input.isReadReceiptRequested;
  if (input.internetMessageId !== undefined) fields.internetMessageId = input.internetMessageId;
  if (input.internetMessageHeaders !== undefined)
    fields.internetMessageHeaders = input.internetMessageHeaders;
  if (input.categories !== undefined) fields.categories = input.categories;
  if (input.flagStatus !== undefined) fields.flagStatus = input.flagStatus;
  if (input.odataType !== undefined) fields.odataType = input.odataType;
  if (input.sentDateTime !== undefined) fields.sentDateTime = input.sentDateTime;
  if (input.receivedDateTime !== undefined) fields.receivedAt = Date.parse(input.receivedDateTime);
  return fields;
}
