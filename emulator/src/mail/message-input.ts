import { GraphHttpError, notImplemented } from '../core/graph-error.js';
import type { ItemBody, MessageHeader, Recipient } from '../state/mail-types.js';
import {
  ATTACHMENT_BASE_PROPERTIES,
  FILE_ATTACHMENT_PROPERTIES,
  ITEM_ATTACHMENT_PROPERTIES,
} from './attachment-property-names.js';
import { MESSAGE_PROPERTY_NAMES } from './message-property-names.js';

export type AttachmentInput =
  | {
      kind: 'file';
      name: string;
      contentType: string | null;
      bytes: Buffer;
      isInline: boolean;
      contentId: string | null;
      contentLocation: string | null;
    }
  | { kind: 'item'; name: string; item: MessageInput }
  | {
      kind: 'reference';
      name: string;
      contentType: string | null;
      sourceUrl: string | null;
      isInline: boolean;
    };

export type MessageInput = {
  subject?: string;
  body?: ItemBody;
  toRecipients?: Recipient[];
  ccRecipients?: Recipient[];
  bccRecipients?: Recipient[];
  replyTo?: Recipient[];
  from?: Recipient | null;
  sender?: Recipient | null;
  importance?: 'low' | 'normal' | 'high';
  inferenceClassification?: 'focused' | 'other';
  isRead?: boolean;
  isDeliveryReceiptRequested?: boolean;
  isReadReceiptRequested?: boolean;
  internetMessageId?: string;
  internetMessageHeaders?: MessageHeader[];
  categories?: string[];
  flagStatus?: 'notFlagged' | 'complete' | 'flagged';
  attachments?: AttachmentInput[];
  /** Control API only: when it was sent/received, and derived message types such as eventMessage. */
  receivedDateTime?: string;
  sentDateTime?: string;
  odataType?: string;
};

// Anything else is rejected as Graph does.
const KNOWN = new Set<string>(MESSAGE_PROPERTY_NAMES);
const UNSUPPORTED = new Set(['extensions', 'multiValueExtendedProperties', 'singleValueExtendedProperties']);

export type InputMode = 'graph' | 'control';

/** Validates a Graph message JSON body into the fields the emulator stores. Read-only properties are ignored. */
export function parseMessageInput(
  json: unknown,
  mode: InputMode,
  type = 'microsoft.graph.message',
): MessageInput {
  const o = object(json, type);
  for (const key of Object.keys(o)) {
    if (key.startsWith('@odata.')) continue;
    if (!KNOWN.has(key)) throw unknownProperty(key, type);
    if (UNSUPPORTED.has(key)) throw notImplemented(`the message property '${key}'`);
  }
  const input: MessageInput = {};
  if (o.subject !== undefined) input.subject = string(o.subject, 'subject');
  if (o.body !== undefined) input.body = body(o.body);
  for (const key of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo'] as const) {
    if (o[key] !== undefined) input[key] = array(o[key], key).map((r) => recipient(r, key));
  }
  if (o.from !== undefined) input.from = o.from === null ? null : recipient(o.from, 'from');
  if (o.sender !== undefined) input.sender = o.sender === null ? null : recipient(o.sender, 'sender');
  if (o.importance !== undefined)
    input.importance = oneOf(o.importance, 'importance', ['low', 'normal', 'high']);
  if (o.inferenceClassification !== undefined) {
    input.inferenceClassification = oneOf(o.inferenceClassification, 'inferenceClassification', [
      'focused',
      'other',
    ]);
  }
  for (const key of ['isRead', 'isDeliveryReceiptRequested', 'isReadReceiptRequested'] as const) {
    if (o[key] !== undefined) input[key] = boolean(o[key], key);
  }
  if (o.internetMessageId !== undefined)
    input.internetMessageId = string(o.internetMessageId, 'internetMessageId');
  if (o.internetMessageHeaders !== undefined)
    input.internetMessageHeaders = array(o.internetMessageHeaders, 'internetMessageHeaders').map(
      messageHeader,
    );
  if (o.categories !== undefined)
    input.categories = array(o.categories, 'categories').map((c) => string(c, 'categories'));
  if (o.flag !== undefined && o.flag !== null) {
    input.flagStatus = oneOf(object(o.flag, 'microsoft.graph.followupFlag').flagStatus, 'flagStatus', [
      'notFlagged',
      'complete',
      'flagged',
    ]);
  }
  if (o.attachments !== undefined)
    input.attachments = array(o.attachments, 'attachments').map((a) => parseAttachmentInput(a, mode));
  if (mode === 'control') {
    if (o.receivedDateTime !== undefined)
      input.receivedDateTime = dateTime(o.receivedDateTime, 'receivedDateTime');
    if (o.sentDateTime !== undefined) input.sentDateTime = dateTime(o.sentDateTime, 'sentDateTime');
    if (typeof o['@odata.type'] === 'string') input.odataType = o['@odata.type'];
  }
  return input;
}

const ATTACHMENT_KNOWN: Record<string, readonly string[]> = {
  '#microsoft.graph.fileAttachment': FILE_ATTACHMENT_PROPERTIES,
  '#microsoft.graph.itemAttachment': ITEM_ATTACHMENT_PROPERTIES,
  '#microsoft.graph.referenceAttachment': ATTACHMENT_BASE_PROPERTIES,
};

export function parseAttachmentInput(json: unknown, mode: InputMode): AttachmentInput {
  const o = object(json, 'microsoft.graph.attachment');
  const odataType = String(o['@odata.type'] ?? '');
  const known = ATTACHMENT_KNOWN[odataType];
  if (!known) {
    throw new GraphHttpError(
      400,
      'RequestBodyRead',
      "A type named '' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.".replace(
        "''",
        `'${odataType.replace(/^#/, '')}'`,
      ),
    );
  }
  const extra = mode === 'control' && odataType.endsWith('referenceAttachment') ? ['sourceUrl'] : [];
  const type = odataType.slice(1);
  for (const key of Object.keys(o)) {
    if (!key.startsWith('@odata.') && !known.includes(key) && !extra.includes(key))
      throw unknownProperty(key, type);
  }
  const name = o.name === undefined || o.name === null ? '' : string(o.name, 'name');
  if (odataType.endsWith('fileAttachment')) {
    const bytes = base64(o.contentBytes);
    return {
      kind: 'file',
      name,
      bytes,
      contentType: o.contentType == null ? null : string(o.contentType, 'contentType'),
      isInline: o.isInline === undefined ? false : boolean(o.isInline, 'isInline'),
      contentId: o.contentId == null ? null : string(o.contentId, 'contentId'),
      contentLocation: o.contentLocation == null ? null : string(o.contentLocation, 'contentLocation'),
    };
  }
  if (odataType.endsWith('itemAttachment')) {
    const item = object(o.item, 'microsoft.graph.outlookItem');
    if (item['@odata.type'] !== undefined && item['@odata.type'] !== '#microsoft.graph.message') {
      throw notImplemented(`item attachments of type ${String(item['@odata.type'])}`);
    }
    return { kind: 'item', name, item: parseMessageInput(item, mode) };
  }
  return {
    kind: 'reference',
    name,
    contentType: o.contentType == null ? null : string(o.contentType, 'contentType'),
    sourceUrl: typeof o.sourceUrl === 'string' ? o.sourceUrl : null,
    isInline: o.isInline === undefined ? false : boolean(o.isInline, 'isInline'),
  };
}

export function unknownProperty(key: string, type: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'RequestBodyRead',
    `The property '${key}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
}

function invalid(property: string, detail: string): GraphHttpError {
  return new GraphHttpError(400, 'RequestBodyRead', `Invalid value for property '${property}': ${detail}.`);
}

export function object(value: unknown, type: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphHttpError(
      400,
      'RequestBodyRead',
      `Cannot read a value of type '${type}': expected a JSON object.`,
    );
  }
  return value as Record<string, unknown>;
}

function array(value: unknown, property: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(property, 'expected a collection');
  return value;
}

function string(value: unknown, property: string): string {
  if (typeof value !== 'string') throw invalid(property, 'expected a string');
  return value;
}

function boolean(value: unknown, property: string): boolean {
  if (typeof value !== 'boolean') throw invalid(property, 'expected true or false');
  return value;
}

function dateTime(value: unknown, property: string): string {
  const text = string(value, property);
  if (Number.isNaN(Date.parse(text))) throw invalid(property, 'expected an ISO 8601 date-time');
  return new Date(text).toISOString();
}

// Graph accepts enum members in any letter case on input and answers in canonical casing.
function oneOf<const T extends string>(value: unknown, property: string, members: readonly T[]): T {
  const found = members.find((m) => typeof value === 'string' && m.toLowerCase() === value.toLowerCase());
  if (!found) throw invalid(property, `expected one of ${members.join(', ')}`);
  return found;
}

function body(value: unknown): ItemBody {
  const o = object(value, 'microsoft.graph.itemBody');
  return {
    contentType: o.contentType === undefined ? 'text' : oneOf(o.contentType, 'contentType', ['text', 'html']),
    content: o.content === undefined || o.content === null ? '' : string(o.content, 'content'),
  };
}

function recipient(value: unknown, property: string): Recipient {
  const email = object(
    object(value, 'microsoft.graph.recipient').emailAddress,
    'microsoft.graph.emailAddress',
  );
  const address =
    email.address === undefined ? '' : string(email.address, `${property}/emailAddress/address`);
  const name =
    email.name === undefined || email.name === null
      ? address
      : string(email.name, `${property}/emailAddress/name`);
  return { emailAddress: { name, address } };
}

function messageHeader(value: unknown): MessageHeader {
  const o = object(value, 'microsoft.graph.internetMessageHeader');
  return {
    name: string(o.name, 'internetMessageHeaders/name'),
    value: string(o.value ?? '', 'internetMessageHeaders/value'),
  };
}

function base64(value: unknown): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(value)) {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', 'The contentBytes value is not valid base64.');
  }
  return Buffer.from(value, 'base64');
}
