import type { Message } from '@microsoft/microsoft-graph-types';
import type { StoredMessage } from '../state/mail-types.js';
import { hasVisibleAttachments } from '../state/mail-store.js';
import { bodyAs, bodyPreview } from '../mail/body-text.js';
import { presentAttachment } from './present-attachment.js';
import type { AttachmentExpand } from '../odata/query-options.js';

export type MessagePresentation = {
  select: Set<string> | null;
  expand: AttachmentExpand | null;
  immutableIds: boolean;
  bodyType: 'html' | 'text' | null;
};

export const DEFAULT_PRESENTATION: MessagePresentation = {
  select: null,
  expand: null,
  immutableIds: false,
  bodyType: null,
};

// internetMessageHeaders and uniqueBody come back only when $select-ed (docs/graph-behaviour.md §2.2, C7).
const SELECT_ONLY = new Set(['internetMessageHeaders', 'uniqueBody']);

/** Graph's message JSON: OData annotations plus the (optionally $select-ed) properties of microsoft.graph.message. */
export type MessageJson = Message & {
  '@odata.type'?: string;
  '@odata.etag'?: string;
  'attachments@odata.context'?: string;
};

/** A message in Graph's property order. */
export function presentMessage(m: StoredMessage, p: MessagePresentation = DEFAULT_PRESENTATION): MessageJson {
  const id = messageId(m, p.immutableIds);
  // Typed against @microsoft/microsoft-graph-types so a misnamed or mistyped property fails to compile.
  const all: Message = {
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: m.changeKey,
    categories: m.categories,
    receivedDateTime: receivedDateTime(m),
    sentDateTime: m.sentDateTime ?? (m.isDraft ? m.createdDateTime : null),
    hasAttachments: hasVisibleAttachments(m),
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: bodyPreview(m.body),
    importance: m.importance,
    parentFolderId: m.folderId,
    conversationId: m.conversationId,
    conversationIndex: m.conversationIndex,
    isDeliveryReceiptRequested: m.isDeliveryReceiptRequested,
    isReadReceiptRequested: m.isReadReceiptRequested,
    isRead: m.isRead,
    isDraft: m.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: m.inferenceClassification,
    internetMessageHeaders: m.internetMessageHeaders,
    body: p.bodyType ? bodyAs(m.body, p.bodyType) : m.body,
    uniqueBody: p.bodyType ? bodyAs(m.uniqueBody, p.bodyType) : m.uniqueBody,
    sender: m.sender,
    from: m.from,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: m.replyTo,
    flag: { flagStatus: m.flagStatus },
  };
  const out: MessageJson = {};
  if (m.odataType !== '#microsoft.graph.message') out['@odata.type'] = m.odataType;
  out['@odata.etag'] = `W/"${m.changeKey}"`;
  out.id = id;
  for (const [key, value] of Object.entries(all)) {
    const wanted = p.select ? p.select.has(key) : !SELECT_ONLY.has(key);
    if (wanted) Object.assign(out, { [key]: value });
  }
  if (p.expand) {
    out['attachments@odata.context'] =
      `https://graph.microsoft.com/v1.0/$metadata#users/messages('${id}')/attachments`;
    out.attachments = m.attachments.map((a) => presentAttachment(a, p.expand?.select ?? null));
  }
  return out;
}

export function messageId(m: StoredMessage, immutable: boolean): string {
  return immutable ? m.immutableId : m.restId;
}

/** Drafts show their creation time; delivered mail its arrival, at second precision. */
export function receivedDateTime(m: StoredMessage): string {
  return `${new Date(m.receivedAt).toISOString().slice(0, 19)}Z`;
}
