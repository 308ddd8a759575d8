import type { MailCenterItem } from '../domain/mail-center-item.js';
import type { OutboundEmail } from '../domain/outbound-email.js';
import { ledgerKey, type ProcessedMessage } from '../domain/processed-message.js';
import type { ServiceRequest } from '../domain/service-request.js';
import type { CollectionName, Collections, StoredRecord } from '../ports/store.js';
import {
  cappedTotal,
  type MailCenterCursor,
  type RequestCursor,
  type RequestListQuery,
} from '../ports/store-queries.js';
import {
  compareValues,
  mailCenterSearchText,
  messageIdKey,
  outboundMessageIdKey,
  requestSearchText,
  requestSortValue,
} from './query-keys.js';

// The named queries answered by scanning the committed records in JavaScript: the memory and lowdb engine. Fine for
// the sizes lowdb is meant for; PostgreSQL answers the same questions from indexes (postgres-queries.ts).

type Records<T> = () => Iterable<T>;
type Copy = <T>(record: T) => T;

const where = <T>(records: Records<T>, copy: Copy, test: (record: T) => boolean): T[] => {
  const found: T[] = [];
  for (const record of records()) if (test(record)) found.push(copy(record));
  return found;
};

/** Of `wanted`, the hashes some record references through `refOf`. */
const refsAmong =
  <T>(records: Records<T>, refOf: (record: T) => string | undefined) =>
  async (wanted: readonly string[]) => {
    const asked = new Set(wanted);
    const found = new Set<string>();
    for (const record of records()) {
      const ref = refOf(record);
      if (ref !== undefined && asked.has(ref)) found.add(ref);
    }
    return [...found];
  };

/** One page of `matching` in `compare` order, starting after the cursor `after`; `next` is the last item's key. */
function keysetPage<T, C>(
  matching: T[],
  key: (record: T) => C,
  compare: (a: C, b: C) => number,
  page: { limit: number; after?: C | undefined; offset?: number | undefined; countUpTo?: number | undefined },
  copy: Copy,
) {
  const { after } = page;
  const sorted = matching.sort((a, b) => compare(key(a), key(b)));
  const rest = after
    ? sorted.filter((record) => compare(key(record), after) > 0)
    : sorted.slice(page.offset ?? 0);
  const items = rest.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(copy),
    ...cappedTotal(matching.length, page.countUpTo),
    ...(last && rest.length > items.length ? { next: key(last) } : {}),
  };
}

function requests(records: Records<ServiceRequest>, copy: Copy) {
  return {
    async list(query: RequestListQuery) {
      const search = query.search?.toLowerCase();
      const statuses = query.statuses?.map((s) => s.toLowerCase());
      const excluded = new Set(query.excludeStatuses?.map((s) => s.toLowerCase()));
      const assignee = typeof query.assignee === 'string' ? query.assignee.toLowerCase() : query.assignee;
      const matching = [...records()].filter(
        (sr) =>
          (!search || requestSearchText(sr).includes(search)) &&
          (!statuses?.length || statuses.includes(sr.status.toLowerCase())) &&
          !excluded.has(sr.status.toLowerCase()) &&
          (assignee === undefined ||
            (assignee === null ? !sr.assignee : sr.assignee?.email.toLowerCase() === assignee)) &&
          (query.hasNewEmailReply === undefined || sr.hasNewEmailReply === query.hasNewEmailReply),
      );
      const direction = query.order === 'asc' ? 1 : -1;
      const key = (sr: ServiceRequest): RequestCursor => ({
        value: requestSortValue(sr, query.sort),
        id: sr.id,
      });
      const compare = (a: RequestCursor, b: RequestCursor) =>
        direction * (compareValues(a.value, b.value) || a.id - b.id);
      return keysetPage(matching, key, compare, query, copy);
    },
    async withStatusIn(statuses: readonly string[]) {
      const wanted = new Set(statuses.map((s) => s.toLowerCase()));
      return where(records, copy, (sr) => wanted.has(sr.status.toLowerCase()));
    },
    async statusesInUse() {
      return [...new Set([...records()].map((sr) => sr.status))];
    },
  };
}

function mailCenter(records: Records<MailCenterItem>, copy: Copy) {
  const byId = (id: string | undefined) => (item: MailCenterItem) =>
    item.internetMessageId !== undefined && messageIdKey(item.internetMessageId) === id;
  return {
    async list(query: {
      reason?: string;
      state?: string;
      words?: string[];
      limit: number;
      after?: MailCenterCursor;
      countUpTo?: number;
    }) {
      const words = (query.words ?? []).map((w) => w.toLowerCase());
      const matching = [...records()].filter(
        (item) =>
          (!query.state || item.state === query.state) &&
          (!query.reason || item.reason === query.reason) &&
          words.every((w) => mailCenterSearchText(item).includes(w)),
      );
      const compare = (a: MailCenterCursor, b: MailCenterCursor) =>
        -(
          compareValues(a.receivedAt, b.receivedAt) ||
          compareValues(a.createdAt, b.createdAt) ||
          compareValues(a.id, b.id)
        );
      const key = (item: MailCenterItem): MailCenterCursor => ({
        receivedAt: item.receivedAt,
        createdAt: item.createdAt,
        id: item.id,
      });
      return keysetPage(matching, key, compare, query, copy);
    },
    byMessageId: async (id: string) => where(records, copy, byId(messageIdKey(id))),
    ofMailbox: async (mailbox: string, filter: { state: string; reason?: string }) =>
      where(
        records,
        copy,
        (i) =>
          i.mailbox === mailbox && i.state === filter.state && (!filter.reason || i.reason === filter.reason),
      ),
    createdBefore: async (at: string) => where(records, copy, (i) => i.createdAt < at),
    resolvedToNote: async (noteId: string) => where(records, copy, (i) => i.resolution?.noteId === noteId),
    blobRefsAmong: refsAmong(records, (i) => i.originalRef),
  };
}

function outboundEmails(records: Records<OutboundEmail>, copy: Copy) {
  return {
    ofRequest: async (requestId: number) => where(records, copy, (e) => e.requestId === requestId),
    byMessageId: async (id: string) =>
      where(records, copy, (e) => outboundMessageIdKey(e.internetMessageId) === outboundMessageIdKey(id)),
    byConversationId: async (id: string) => where(records, copy, (e) => e.conversationId === id),
    unfinished: async () =>
      where(records, copy, (e) => e.status === 'queued' || e.status === 'sending').sort(
        (a, b) => a.id - b.id,
      ),
    attemptedSince: async (accountId: string, since: string) =>
      where(
        records,
        copy,
        (e) => e.accountId === accountId && e.attemptedAt !== undefined && e.attemptedAt >= since,
      ),
    queuedSince: async (since: string) => where(records, copy, (e) => e.queuedAt >= since),
  };
}

function processedMessages(
  records: Records<ProcessedMessage>,
  copy: Copy,
  get: (id: string) => ProcessedMessage | undefined,
) {
  return {
    async byMessage(mailbox: string, internetMessageId: string) {
      const found = get(ledgerKey(mailbox, internetMessageId, ''));
      return found && copy(found);
    },
    pendingAfterStep: async (accountId: string, before: string) =>
      where(
        records,
        copy,
        (e) => e.accountId === accountId && e.afterStep === 'pending' && e.processedAt < before,
      ),
    processedSince: async (accountId: string, since: string) =>
      where(records, copy, (e) => e.accountId === accountId && e.processedAt >= since),
    ofNote: async (noteId: string) => where(records, copy, (e) => e.noteId === noteId),
  };
}

/** The queries of one collection over `records` (the stored, frozen records), handing out copies. */
export function memoryQueries(
  name: CollectionName,
  records: Records<StoredRecord>,
  copy: Copy,
  get: (id: StoredRecord['id']) => StoredRecord | undefined,
): object {
  const all = <K extends CollectionName>() => records as Records<Collections[K]>;
  const ofRequest = (requestId: number) => where(all<'notes'>(), copy, (r) => r.requestId === requestId);
  switch (name) {
    case 'requests':
      return requests(all<'requests'>(), copy);
    case 'notes':
      return {
        ofRequest: async (id: number) => ofRequest(id),
        byMessageId: async (id: string) =>
          where(
            all<'notes'>(),
            copy,
            (n) =>
              n.email?.internetMessageId !== undefined &&
              messageIdKey(n.email.internetMessageId) === messageIdKey(id),
          ),
        blobRefsAmong: refsAmong(all<'notes'>(), (n) => n.email?.originalRef),
      };
    case 'attachments':
      return {
        ofRequest: async (id: number) => ofRequest(id),
        ofNote: async (noteId: string) => where(all<'attachments'>(), copy, (a) => a.noteId === noteId),
        blobRefsAmong: refsAmong(all<'attachments'>(), (a) => a.sha256),
      };
    case 'history':
      return {
        ofRequest: async (id: number) => ofRequest(id),
        ofNote: async (noteId: string) =>
          where(all<'history'>(), copy, (h) => h.details?.['noteId'] === noteId),
      };
    case 'outboundEmails':
      return outboundEmails(all<'outboundEmails'>(), copy);
    case 'mailCenter':
      return mailCenter(all<'mailCenter'>(), copy);
    case 'processedMessages':
      return processedMessages(
        all<'processedMessages'>(),
        copy,
        get as (id: string) => ProcessedMessage | undefined,
      );
    case 'srEvents':
      return { pending: async () => where(records, copy, () => true) };
    default:
      return { all: async () => where(records, copy, () => true) };
  }
}
