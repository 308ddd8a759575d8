import type { StoredAttachment } from '../state/mail-types.js';
import type { PropertyTable } from './odata/property-table.js';

export const ATTACHMENT_TABLE: PropertyTable<unknown> = {
  typeName: 'microsoft.graph.attachment',
  known: new Set(['id', 'contentType', 'isInline', 'lastModifiedDateTime', 'name', 'size', 'contentBytes', 'contentId', 'contentLocation', 'item']),
  properties: {},
};

const TYPE = { file: '#microsoft.graph.fileAttachment', item: '#microsoft.graph.itemAttachment', reference: '#microsoft.graph.referenceAttachment' } as const;

/** An attachment as Graph shows it: file attachments carry contentBytes, item attachments never do (graph.md §4.1). */
export function presentAttachment(a: StoredAttachment, select: Set<string> | null = null, item?: Record<string, unknown>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.type': TYPE[a.kind],
    ...(a.kind === 'file' ? { '@odata.mediaContentType': a.contentType ?? 'application/octet-stream' } : {}),
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: a.isInline,
    ...(a.kind === 'file' ? { contentId: a.contentId, contentLocation: a.contentLocation, contentBytes: a.contentBytes ?? '' } : {}),
    ...(a.kind === 'item' && item ? { item } : {}),
  };
  if (!select) return all;
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('@odata.') || k === 'id' || select.has(k)));
}
