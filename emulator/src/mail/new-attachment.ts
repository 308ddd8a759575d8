import { newId } from '../core/ids.js';
import { nowSeconds } from '../state/mail-store.js';
import type { Mailbox, StoredAttachment } from '../state/mail-types.js';
import type { AttachmentInput } from './message-input.js';
import type { ParsedAttachment } from '../mime/parse-mime.js';
import { composeMime } from '../mime/compose-mime.js';
import { buildMessage, defaultFields } from './new-message.js';
import { fieldsFromInput } from './fields-from-input.js';

/**
 * Exchange reports an attachment's size including its stored properties, so it is larger than the byte count
 * (docs/graph-behaviour.md §4.1: don't assume they are equal). The overhead here is a rough constant, not Exchange's formula.
 */
export function exchangeSize(byteLength: number, name: string): number {
  return byteLength + 180 + 2 * name.length;
}

export async function attachmentFromInput(
  mailbox: Mailbox,
  input: AttachmentInput,
): Promise<StoredAttachment> {
  const base = {
    id: newId('attachment', mailbox.userId),
    lastModifiedDateTime: nowSeconds(),
    name: input.name,
  };
  if (input.kind === 'file') {
    return {
      ...base,
      kind: 'file',
      contentType: input.contentType ?? contentTypeFor(input.name),
      size: exchangeSize(input.bytes.length, input.name),
      isInline: input.isInline,
      contentId: input.contentId,
      contentLocation: input.contentLocation,
      contentBytes: input.bytes.toString('base64'),
    };
  }
  if (input.kind === 'item') {
    const fields = { ...defaultFields(), ...fieldsFromInput(input.item), isRead: true };
    const mime = await composeMime(buildMessage(mailbox, '', fields));
    return {
      ...base,
      kind: 'item',
      contentType: null,
      size: exchangeSize(mime.length, input.name),
      isInline: false,
      contentId: null,
      contentLocation: null,
      itemMime: mime.toString('base64'),
    };
  }
  return {
    ...base,
    kind: 'reference',
    contentType: input.contentType,
    size: exchangeSize(0, input.name),
    isInline: input.isInline,
    contentId: null,
    contentLocation: null,
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
  };
}

export function attachmentFromMime(mailbox: Mailbox, a: ParsedAttachment): StoredAttachment {
  const base = {
    id: newId('attachment', mailbox.userId),
    lastModifiedDateTime: nowSeconds(),
    name: a.name,
    contentLocation: null,
  };
  if (a.isItem) {
    return {
      ...base,
      kind: 'item',
      contentType: null,
      size: exchangeSize(a.bytes.length, a.name),
      isInline: false,
      contentId: null,
      itemMime: a.bytes.toString('base64'),
    };
  }
  return {
    ...base,
    kind: 'file',
    contentType: a.contentType,
    size: exchangeSize(a.bytes.length, a.name),
    isInline: a.isInline,
    contentId: a.contentId,
    contentBytes: a.bytes.toString('base64'),
  };
}

const TYPES: Record<string, string> = {
  txt: 'text/plain',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  html: 'text/html',
  csv: 'text/csv',
  zip: 'application/zip',
  eml: 'message/rfc822',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentTypeFor(name: string): string {
  return TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
