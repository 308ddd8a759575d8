import type { FileAttachment, ItemAttachment, ReferenceAttachment } from '@microsoft/microsoft-graph-types';
import type { StoredAttachment } from '../state/mail-types.js';
import type { PropertyTable } from '../odata/property-table.js';
import { FILE_ATTACHMENT_PROPERTIES } from '../mail/attachment-property-names.js';

export const ATTACHMENT_TABLE: PropertyTable<unknown> = {
  typeName: 'microsoft.graph.attachment',
  known: new Set([...FILE_ATTACHMENT_PROPERTIES, 'item']),
  properties: {},
};

const TYPE = {
  file: '#microsoft.graph.fileAttachment',
  item: '#microsoft.graph.itemAttachment',
  reference: '#microsoft.graph.referenceAttachment',
} as const;

/** An attachment as Graph shows it: file attachments carry contentBytes, item attachments never do (docs/graph-behaviour.md §4.1). */
export type AttachmentJson = (FileAttachment | ItemAttachment | ReferenceAttachment) & {
  '@odata.type': string;
  '@odata.mediaContentType'?: string;
};

export function presentAttachment(
  a: StoredAttachment,
  select: Set<string> | null = null,
  item?: ItemAttachment['item'],
): AttachmentJson {
  const base = {
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: a.isInline,
  };
  const file: FileAttachment = {
    ...base,
    contentId: a.contentId,
    contentLocation: a.contentLocation,
    contentBytes: a.contentBytes ?? '',
  };
  const itemAttachment: ItemAttachment = item ? { ...base, item } : base;
  const reference: ReferenceAttachment = base;
  const all: AttachmentJson =
    a.kind === 'file'
      ? {
          '@odata.type': TYPE.file,
          '@odata.mediaContentType': a.contentType ?? 'application/octet-stream',
          ...file,
        }
      : { '@odata.type': TYPE[a.kind], ...(a.kind === 'item' ? itemAttachment : reference) };
  if (!select) return all;
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => k.startsWith('@odata.') || k === 'id' || select.has(k)),
  ) as AttachmentJson;
}
