import type { MessageView } from '../state/mail-store.js';
import type { PropertyDef, PropertyTable } from './property-table.js';
import { bodyPreview } from '../mail/body-text.js';
import { MESSAGE_PROPERTY_NAMES } from '../mail/message-property-names.js';

/** Graph shows and compares date-times at second precision (docs/graph-behaviour.md §2.3, C22). */
export function seconds(iso: string | null): number | null {
  return iso === null ? null : Math.floor(Date.parse(iso) / 1000) * 1000;
}

const prop = (
  type: PropertyDef<MessageView>['type'],
  get: PropertyDef<MessageView>['get'],
  sortable = true,
): PropertyDef<MessageView> => ({ type, get, filterable: true, sortable });

export const MESSAGE_TABLE: PropertyTable<MessageView> = {
  typeName: 'microsoft.graph.message',
  known: new Set(MESSAGE_PROPERTY_NAMES),
  properties: {
    id: prop('string', (m) => m.restId, false),
    isRead: prop('boolean', (m) => m.isRead),
    isDraft: prop('boolean', (m) => m.isDraft),
    hasAttachments: prop('boolean', (m) => m.hasAttachments),
    isDeliveryReceiptRequested: prop('boolean', (m) => m.isDeliveryReceiptRequested),
    isReadReceiptRequested: prop('boolean', (m) => m.isReadReceiptRequested),
    importance: prop('string', (m) => m.importance),
    inferenceClassification: prop('string', (m) => m.inferenceClassification),
    subject: prop('string', (m) => m.subject),
    bodyPreview: prop('string', (m) => bodyPreview(m.body), false),
    conversationId: prop('string', (m) => m.conversationId),
    internetMessageId: prop('string', (m) => m.internetMessageId),
    parentFolderId: prop('string', (m) => m.folderId),
    receivedDateTime: prop('datetime', (m) => Math.floor(m.receivedAt / 1000) * 1000),
    sentDateTime: prop('datetime', (m) => seconds(m.sentDateTime)),
    createdDateTime: prop('datetime', (m) => seconds(m.createdDateTime)),
    lastModifiedDateTime: prop('datetime', (m) => seconds(m.lastModifiedDateTime)),
    'from/emailAddress/address': prop('string', (m) => m.from?.emailAddress.address ?? null),
    'from/emailAddress/name': prop('string', (m) => m.from?.emailAddress.name ?? null),
    'sender/emailAddress/address': prop('string', (m) => m.sender?.emailAddress.address ?? null),
    'sender/emailAddress/name': prop('string', (m) => m.sender?.emailAddress.name ?? null),
    'flag/flagStatus': prop('string', (m) => m.flagStatus),
  },
};
