import type {
  Attachment,
  EventMessage,
  FileAttachment,
  Message,
  Recipient,
} from '@microsoft/microsoft-graph-types';
import type {
  MailAddress,
  MailAttachment,
  MailAttachmentKind,
  MailMessage,
} from '../../domain/mail-message.js';

// Graph message JSON -> MailMessage. Graph only returns internetMessageHeaders and uniqueBody when $select-ed, and
// returns meeting messages as eventMessage; both are handled here so later stages see one shape.

type GraphMessage = Message & Partial<Pick<EventMessage, 'meetingMessageType'>> & { '@odata.type'?: string };
type GraphAttachment = Attachment & Partial<Pick<FileAttachment, 'contentId'>> & { '@odata.type'?: string };

/** PidTagMessageClass, when the message was fetched with $expand=singleValueExtendedProperties($filter=id eq 'String 0x1A'). */
const MESSAGE_CLASS_PROPERTY = /^string\s+0x0*1a$/i;

function address(recipient: Recipient | null | undefined): MailAddress {
  const email = recipient?.emailAddress;
  return { ...(email?.name ? { name: email.name } : {}), address: email?.address ?? '' };
}

function addresses(recipients: Recipient[] | null | undefined): MailAddress[] {
  return (recipients ?? []).map(address).filter((a) => a.address);
}

function attachmentKind(odataType: string | undefined): MailAttachmentKind {
  if (odataType?.endsWith('itemAttachment')) return 'item';
  if (odataType?.endsWith('referenceAttachment')) return 'reference';
  return 'file';
}

function attachment(item: GraphAttachment): MailAttachment {
  return {
    ...(item.id ? { id: item.id } : {}),
    name: item.name ?? '',
    contentType: (item.contentType ?? 'application/octet-stream').toLowerCase(),
    size: item.size ?? 0,
    isInline: item.isInline ?? false,
    ...(item.contentId ? { contentId: item.contentId.replace(/^<|>$/g, '') } : {}),
    kind: attachmentKind(item['@odata.type']),
  };
}

function messageClass(message: GraphMessage): string | undefined {
  const property = message.singleValueExtendedProperties?.find((p) =>
    MESSAGE_CLASS_PROPERTY.test(p.id ?? ''),
  );
  if (property?.value) return property.value;
  if (message['@odata.type']?.toLowerCase().includes('eventmessage')) {
    return `IPM.Schedule.Meeting.${message.meetingMessageType ?? 'none'}`;
  }
  return undefined;
}

export function fromGraphMessage(message: GraphMessage): MailMessage {
  const body = message.body;
  const unique = message.uniqueBody;
  const isHtml = body?.contentType?.toLowerCase() === 'html';
  const klass = messageClass(message);
  return {
    ...(message.id ? { id: message.id } : {}),
    ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
    ...(message.conversationId ? { conversationId: message.conversationId } : {}),
    subject: message.subject ?? '',
    from: address(message.from ?? message.sender),
    to: addresses(message.toRecipients),
    cc: addresses(message.ccRecipients),
    replyTo: addresses(message.replyTo),
    receivedAt: message.receivedDateTime ?? message.sentDateTime ?? new Date(0).toISOString(),
    headers: (message.internetMessageHeaders ?? []).map((h) => ({
      name: h.name ?? '',
      value: h.value ?? '',
    })),
    ...(body?.content != null ? (isHtml ? { bodyHtml: body.content } : { bodyText: body.content }) : {}),
    ...(unique?.content != null && unique.contentType?.toLowerCase() === 'html'
      ? { uniqueBodyHtml: unique.content }
      : {}),
    attachments: ((message.attachments ?? []) as GraphAttachment[]).map(attachment),
    ...(klass ? { messageClass: klass } : {}),
  };
}
