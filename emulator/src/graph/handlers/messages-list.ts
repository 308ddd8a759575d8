import type { EmuResponse } from '../../core/emu-http.js';
import type { StoredMessage } from '../../state/mail-types.js';
import { view, type MessageView } from '../../state/mail-store.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { MESSAGE_TABLE } from '../../odata/message-properties.js';
import { compareForSort, evaluateFilter } from '../../odata/property-table.js';
import {
  parseCount,
  parseListFilter,
  parseMessageExpand,
  parseOrderBy,
  parseSelect,
  parseSkip,
  parseTop,
  queryOptions,
  type OrderBy,
} from '../../odata/query-options.js';
import { ATTACHMENT_TABLE } from '../present-attachment.js';
import { presentMessage } from '../present-message.js';
import { collectionResponse, linkWith } from '../respond.js';
import { resolveFolder } from '../resolve.js';

function listFolderMessages(call: MailboxCall): EmuResponse {
  const folder = resolveFolder(call);
  return listMessages(
    call,
    call.s.store.messagesIn(call.mailbox, folder.id),
    `users('${call.mailbox.address}')/mailFolders('${folder.id}')/messages`,
  );
}

/** /users/{id}/messages spans the mailbox's IPM folders (not Recoverable Items). */
function listMailboxMessages(call: MailboxCall): EmuResponse {
  const hidden = new Set(
    call.mailbox.folders
      .filter((f) => f.parentFolderId === call.mailbox.rootFolderId && f.wellKnownName !== 'msgfolderroot')
      .map((f) => f.id),
  );
  return listMessages(
    call,
    call.mailbox.messages.filter((m) => !hidden.has(m.folderId)),
    `users('${call.mailbox.address}')/messages`,
  );
}

/**
 * Offset paging over the live result set (docs/graph-behaviour.md §2.2, C1): the nextLink carries $skip and is re-applied to
 * whatever matches when it is followed. With irregularPaging, non-message store objects take slots too, so pages
 * hold fewer than $top items and $skip jumps (C2).
 */
function listMessages(call: MailboxCall, messages: StoredMessage[], context: string): EmuResponse {
  const options = queryOptions(call.req, [
    '$filter',
    '$orderby',
    '$top',
    '$skip',
    '$select',
    '$expand',
    '$count',
  ]);
  const orderBy = parseOrderBy(options.get('$orderby'), MESSAGE_TABLE);
  const filter = parseListFilter(options.get('$filter'), orderBy, MESSAGE_TABLE);
  const top = parseTop(options.get('$top'), 10);
  const skip = parseSkip(options.get('$skip'));
  const select = parseSelect(options.get('$select'), MESSAGE_TABLE);
  const expand = parseMessageExpand(options.get('$expand'), ATTACHMENT_TABLE);
  const byView = new Map<MessageView, StoredMessage>();
  for (const m of messages) byView.set(view(m), m);
  const matching = [...byView.keys()].filter((v) => !filter || evaluateFilter(filter, v, MESSAGE_TABLE));
  sortMessages(matching, orderBy);
  const slots = call.s.faults.knobs.irregularPaging ? withPhantoms(matching) : matching;
  const page = slots.slice(skip, skip + top).filter((v): v is MessageView => v !== null);
  const nextLink = skip + top < slots.length ? linkWith(call, { $skip: String(skip + top) }) : undefined;
  const presentation = {
    select,
    expand,
    immutableIds: call.prefer.immutableIds,
    bodyType: call.prefer.bodyType,
  };
  const value = page.map((v) => presentMessage(byView.get(v)!, presentation));
  const count = parseCount(options.get('$count')) ? matching.length : undefined;
  return collectionResponse(call, context, value, { nextLink, count });
}

/** Default order is newest first; ties (same second) keep arrival order, newest first. */
export function sortMessages(views: MessageView[], orderBy: OrderBy[]): void {
  const keys = orderBy.length > 0 ? orderBy : [{ property: 'receivedDateTime', descending: true }];
  views.sort((a, b) => {
    for (const key of keys) {
      const def = MESSAGE_TABLE.properties[key.property]!;
      const order = compareForSort(def.get(a), def.get(b)) * (key.descending ? -1 : 1);
      if (order !== 0) return order;
    }
    return b.receivedAt - a.receivedAt || b.seq - a.seq;
  });
}

// Every fifth slot is a store object that is not a message (docs/graph-behaviour.md §2.2: $skip also counts those).
function withPhantoms(views: MessageView[]): Array<MessageView | null> {
  const slots: Array<MessageView | null> = [];
  for (const v of views) {
    if (slots.length % 5 === 4) slots.push(null);
    slots.push(v);
  }
  return slots;
}

export const messageListRoutes: Route[] = [
  mailboxRoute('GET', 'users/{user}/messages', 'messages.list', 'read', listMailboxMessages),
  mailboxRoute(
    'GET',
    'users/{user}/mailfolders/{folder}/messages',
    'messages.listInFolder',
    'read',
    listFolderMessages,
  ),
];
