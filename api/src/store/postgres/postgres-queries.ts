import { ledgerKey } from '../../domain/processed-message.js';
import type { CollectionName } from '../../ports/store.js';
import {
  LIST_COUNT_LIMIT,
  cappedTotal,
  type MailCenterListQuery,
  type RequestListQuery,
  type RequestSort,
} from '../../ports/store-queries.js';
import { messageIdKey, outboundMessageIdKey } from '../query-keys.js';
import { TABLES, sha256 } from './tables.js';

// The named queries in SQL, each answered by an index of migrations (schema-migrations.ts). Search terms are
// matched literally: LIKE's wildcards in them are escaped, and every value travels as a bind parameter.

export type Docs = (sql: string, params?: unknown[]) => Promise<unknown[]>;
export type Rows = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

const contains = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Sort columns compare as the memory store does: code point order ("C" collation), priorities by rank. */
const SORT_COLUMNS: Record<RequestSort, string> = {
  id: 'id',
  title: 'title',
  status: 'status COLLATE "C"',
  priority: 'priority_rank',
  // Read from the record: two sorts an agent picks now and then do not earn a column and an index each.
  requester: `(doc->'requester'->>'name') COLLATE "C"`,
  assignee: `coalesce(doc->'assignee'->>'name', chr(65535)) COLLATE "C"`,
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Builds WHERE clauses with numbered parameters. */
class Where {
  readonly params: unknown[] = [];
  readonly clauses: string[] = [];
  add(clause: (p: (value: unknown) => string) => string): void {
    this.clauses.push(clause((value) => `$${this.params.push(value)}`));
  }
  get sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Counts the rows of `table` matching `where`, stopping one past the cap (a count never reads a whole big table). */
async function countCapped(rows: Rows, table: string, where: Where, countUpTo = LIST_COUNT_LIMIT) {
  const [counted] = await rows(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} ${where.sql} LIMIT ${Math.max(0, Math.trunc(countUpTo)) + 1}) AS capped`,
    where.params,
  );
  return cappedTotal(Number(counted?.['n'] ?? 0), countUpTo);
}

async function listRequests(rows: Rows, query: RequestListQuery) {
  const where = new Where();
  if (query.search) where.add((p) => `search LIKE ${p(contains(query.search ?? ''))}`);
  if (query.statuses?.length)
    where.add((p) => `status_lc = ANY(${p(query.statuses?.map((s) => s.toLowerCase()))})`);
  if (query.excludeStatuses?.length)
    where.add((p) => `NOT (status_lc = ANY(${p(query.excludeStatuses?.map((s) => s.toLowerCase()))}))`);
  if (query.assignee === null) where.add(() => 'assignee_lc IS NULL');
  else if (query.assignee !== undefined)
    where.add((p) => `assignee_lc = ${p(query.assignee?.toLowerCase())}`);
  if (query.hasNewEmailReply !== undefined) where.add((p) => `has_new_reply = ${p(query.hasNewEmailReply)}`);
  const counted = await countCapped(rows, 'requests', where, query.countUpTo);
  const column = SORT_COLUMNS[query.sort];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  const after = query.after;
  if (after)
    where.add(
      (p) => `(${column}, id) ${query.order === 'asc' ? '>' : '<'} (${p(after.value)}, ${p(after.id)})`,
    );
  const found = await rows(
    `SELECT doc, ${column === 'id' ? 'id' : `${column} AS sort_value, id`} FROM requests ${where.sql} ORDER BY ${column} ${direction}, id ${direction} LIMIT ${query.limit + 1}${!after && query.offset ? ` OFFSET ${Math.trunc(query.offset)}` : ''}`,
    where.params,
  );
  const items = found.slice(0, query.limit);
  const last = items.at(-1);
  const next =
    last && found.length > query.limit
      ? {
          value: column === 'id' ? Number(last['id']) : (last['sort_value'] as string | number),
          id: Number(last['id']),
        }
      : undefined;
  return { items: items.map((r) => r['doc']), ...counted, ...(next ? { next } : {}) };
}

async function listMailCenter(rows: Rows, query: MailCenterListQuery) {
  const where = new Where();
  if (query.state) where.add((p) => `state = ${p(query.state)}`);
  if (query.reason) where.add((p) => `reason = ${p(query.reason)}`);
  for (const word of query.words ?? []) where.add((p) => `search LIKE ${p(contains(word))}`);
  const counted = await countCapped(rows, 'mail_center', where, query.countUpTo);
  const after = query.after;
  if (after)
    where.add(
      (p) =>
        `(received_at, created_at, id COLLATE "C") < (${p(after.receivedAt)}, ${p(after.createdAt)}, ${p(after.id)})`,
    );
  const found = await rows(
    `SELECT doc FROM mail_center ${where.sql} ORDER BY received_at DESC, created_at DESC, id COLLATE "C" DESC LIMIT ${query.limit + 1}`,
    where.params,
  );
  const items = found
    .slice(0, query.limit)
    .map((r) => r['doc'] as { receivedAt: string; createdAt: string; id: string });
  const last = items.at(-1);
  return {
    items,
    ...counted,
    ...(last && found.length > query.limit
      ? { next: { receivedAt: last.receivedAt, createdAt: last.createdAt, id: last.id } }
      : {}),
  };
}

/** The queries of one collection, run through `docs` (rows of one `doc` column) and `rows`. */
export function postgresQueries(name: CollectionName, docs: Docs, rows: Rows): object {
  const ofRequest = (table: string) => (requestId: number) =>
    docs(`SELECT doc FROM ${table} WHERE request_id = $1 ORDER BY seq`, [requestId]);
  // Each answered by an expression index on the field (schema-migrations.ts, version 2).
  const refsAmong = (table: string, field: string) => async (sha256s: readonly string[]) =>
    (
      await rows(`SELECT DISTINCT ${field} AS ref FROM ${table} WHERE ${field} = ANY($1::text[])`, [
        [...sha256s],
      ])
    ).map((r) => r['ref'] as string);
  const by =
    (table: string, column: string, order = 'seq') =>
    (value: unknown) =>
      docs(`SELECT doc FROM ${table} WHERE ${column} = $1 ORDER BY ${order}`, [value]);
  switch (name) {
    case 'requests':
      return {
        list: (query: RequestListQuery) => listRequests(rows, query),
        withStatusIn: (statuses: readonly string[]) =>
          docs('SELECT doc FROM requests WHERE status_lc = ANY($1) ORDER BY seq', [
            statuses.map((s) => s.toLowerCase()),
          ]),
        statusesInUse: async () =>
          (await rows('SELECT DISTINCT status FROM requests')).map((r) => r['status'] as string),
      };
    case 'notes':
      return {
        ofRequest: ofRequest('notes'),
        byMessageId: (id: string) => by('notes', 'message_id')(messageIdKey(id)),
        blobRefsAmong: refsAmong('notes', `(doc->'email'->>'originalRef')`),
      };
    case 'attachments':
      return {
        ofRequest: ofRequest('attachments'),
        ofNote: by('attachments', 'note_id'),
        blobRefsAmong: refsAmong('attachments', `(doc->>'sha256')`),
      };
    case 'history':
      return { ofRequest: ofRequest('history'), ofNote: by('history', 'note_id') };
    case 'outboundEmails':
      return {
        ofRequest: ofRequest('outbound_emails'),
        byMessageId: (id: string) => by('outbound_emails', 'message_id')(outboundMessageIdKey(id)),
        byConversationId: by('outbound_emails', 'conversation_id'),
        unfinished: () =>
          docs("SELECT doc FROM outbound_emails WHERE status IN ('queued', 'sending') ORDER BY id"),
        attemptedSince: (accountId: string, since: string) =>
          docs('SELECT doc FROM outbound_emails WHERE account_id = $1 AND attempted_at >= $2 ORDER BY seq', [
            accountId,
            since,
          ]),
        queuedSince: (since: string) =>
          docs('SELECT doc FROM outbound_emails WHERE queued_at >= $1 ORDER BY seq', [since]),
      };
    case 'mailCenter':
      return {
        list: (query: MailCenterListQuery) => listMailCenter(rows, query),
        byMessageId: (id: string) => by('mail_center', 'message_id')(messageIdKey(id)),
        ofMailbox: (mailbox: string, filter: { state: string; reason?: string }) =>
          filter.reason
            ? docs(
                'SELECT doc FROM mail_center WHERE mailbox = $1 AND state = $2 AND reason = $3 ORDER BY seq',
                [mailbox, filter.state, filter.reason],
              )
            : docs('SELECT doc FROM mail_center WHERE mailbox = $1 AND state = $2 ORDER BY seq', [
                mailbox,
                filter.state,
              ]),
        createdBefore: (at: string) =>
          docs('SELECT doc FROM mail_center WHERE created_at < $1 ORDER BY seq', [at]),
        resolvedToNote: by('mail_center', 'resolved_note_id'),
        blobRefsAmong: refsAmong('mail_center', `(doc->>'originalRef')`),
      };
    case 'processedMessages':
      return {
        byMessage: async (mailbox: string, internetMessageId: string) =>
          (
            await docs('SELECT doc FROM processed_messages WHERE id_hash = $1', [
              sha256(ledgerKey(mailbox, internetMessageId, '')),
            ])
          )[0],
        pendingAfterStep: (accountId: string, before: string) =>
          docs(
            "SELECT doc FROM processed_messages WHERE account_id = $1 AND after_step = 'pending' AND processed_at < $2 ORDER BY seq",
            [accountId, before],
          ),
        processedSince: (accountId: string, since: string) =>
          docs(
            'SELECT doc FROM processed_messages WHERE account_id = $1 AND processed_at >= $2 ORDER BY seq',
            [accountId, since],
          ),
        ofNote: by('processed_messages', 'note_id'),
      };
    case 'srEvents':
      return { pending: () => docs('SELECT doc FROM sr_events ORDER BY seq') };
    default:
      return { all: () => docs(`SELECT doc FROM ${TABLES[name].table} ORDER BY seq`) };
  }
}
