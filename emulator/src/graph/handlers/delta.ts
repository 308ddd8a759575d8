import type { EmuResponse } from '../../core/emu-http.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { GraphHttpError, graphError, notImplemented } from '../../core/graph-error.js';
import { parseFilter } from '../../odata/filter-parser.js';
import { MESSAGE_TABLE } from '../../odata/message-properties.js';
import { parseSelect, parseTop, queryOptions } from '../../odata/query-options.js';
import { presentMessage } from '../present-message.js';
import { collectionResponse } from '../respond.js';
import { resolveFolder } from '../resolve.js';

/** What a delta token remembers: the options of the first call and how far the client got (docs/graph-behaviour.md §5). */
type DeltaState = {
  epoch: string;
  folderId: string;
  /** Changes up to this sequence number were delivered in earlier rounds. */
  watermark: number;
  /** This round covers changes up to here; later ones wait for the next round. */
  upper: number;
  /** Within the round, delivered up to here. */
  after: number;
  select: string | null;
  received: { op: 'ge' | 'gt'; at: number } | null;
  pageSize: number | null;
};

const UNSUPPORTED_FILTER =
  "The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.";

function delta(call: MailboxCall): EmuResponse {
  const folder = resolveFolder(call);
  const options = queryOptions(call.req, [
    '$select',
    '$top',
    '$filter',
    '$orderby',
    '$skiptoken',
    '$deltatoken',
    '$expand',
  ]);
  if (options.has('$expand')) throw notImplemented('$expand in message delta');
  if (call.req.query.has('changeType')) throw notImplemented('the changeType parameter of message delta');
  const token = options.get('$skiptoken') ?? options.get('$deltatoken');
  const store = call.s.store;
  let state: DeltaState;
  if (token !== undefined) {
    const decoded = decode(token);
    if (!decoded || decoded.folderId !== folder.id)
      throw new GraphHttpError(400, 'BadRequest', 'The delta token is not valid for this resource.');
    if (decoded.epoch !== store.state.deltaEpoch) {
      // Outlook evicts sync state; the client must start over (docs/graph-behaviour.md §5, C21).
      return graphError(
        call.req,
        410,
        'syncStateNotFound',
        'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
        {
          location: initialLink(call, folder.id, decoded),
        },
      );
    }
    state = options.has('$deltatoken')
      ? { ...decoded, upper: store.state.seq, after: decoded.watermark }
      : decoded;
  } else {
    if (
      options.has('$orderby') &&
      options.get('$orderby')!.trim().toLowerCase() !== 'receiveddatetime desc'
    ) {
      throw new GraphHttpError(
        400,
        'ErrorInvalidUrlQuery',
        "The '$orderby' parameter value is not supported for 'Messages' resource; only 'receivedDateTime desc' is supported.",
      );
    }
    const select = options.get('$select');
    parseSelect(select, MESSAGE_TABLE);
    state = {
      epoch: store.state.deltaEpoch,
      folderId: folder.id,
      watermark: 0,
      upper: store.state.seq,
      after: 0,
      select: select ?? null,
      received: receivedFilter(options.get('$filter')),
      pageSize: options.has('$top') ? parseTop(options.get('$top'), 10) : null,
    };
  }
  const pageSize = call.prefer.maxPageSize ?? state.pageSize ?? 10;
  const initial = state.watermark === 0;
  const changes = [
    ...store
      .messagesIn(call.mailbox, folder.id)
      .filter((m) => m.seq > state.after && m.seq <= state.upper)
      .filter((m) => matchesReceived(m.receivedAt, state.received))
      .map((m) => ({
        seq: m.seq,
        item: () =>
          presentMessage(m, {
            select: parseSelect(state.select ?? undefined, MESSAGE_TABLE),
            expand: null,
            immutableIds: call.prefer.immutableIds,
            bodyType: call.prefer.bodyType,
          }),
      })),
    ...(initial
      ? []
      : call.mailbox.tombstones
          .filter((t) => t.folderId === folder.id && t.seq > state.after && t.seq <= state.upper)
          .map((t) => ({
            seq: t.seq,
            item: () => ({
              '@odata.type': '#microsoft.graph.message',
              id: call.prefer.immutableIds ? t.immutableId : t.restId,
              '@removed': { reason: t.reason },
            }),
          }))),
  ].sort((a, b) => a.seq - b.seq);
  const page = changes.slice(0, pageSize);
  const value = page.map((c) => c.item());
  const context = `users('${call.mailbox.address}')/mailFolders('${folder.id}')/messages/delta`;
  if (changes.length > pageSize) {
    const next = { ...state, after: page.at(-1)!.seq };
    return collectionResponse(call, context, value, { nextLink: link(call, folder.id, '$skiptoken', next) });
  }
  const done = { ...state, watermark: state.upper, after: state.upper };
  return collectionResponse(call, context, value, { deltaLink: link(call, folder.id, '$deltatoken', done) });
}

/** Only `receivedDateTime ge|gt {value}` is allowed in message delta; `isRead eq false` is not (docs/graph-behaviour.md C21). */
function receivedFilter(text: string | undefined): DeltaState['received'] {
  if (text === undefined) return null;
  const filter = parseFilter(text);
  if (
    filter.kind !== 'compare' ||
    filter.property !== 'receivedDateTime' ||
    (filter.op !== 'ge' && filter.op !== 'gt') ||
    filter.value.type !== 'datetime'
  ) {
    throw new GraphHttpError(400, 'ErrorInvalidUrlQuery', UNSUPPORTED_FILTER);
  }
  return { op: filter.op, at: filter.value.value };
}

// Compared at second precision, as Graph shows receivedDateTime (docs/graph-behaviour.md C22).
function matchesReceived(receivedAt: number, filter: DeltaState['received']): boolean {
  if (!filter) return true;
  const seconds = Math.floor(receivedAt / 1000) * 1000;
  return filter.op === 'ge' ? seconds >= filter.at : seconds > filter.at;
}

// Graph's delta links use another path form than the request: users/{id}/mailfolders('{id}')/messages/delta.
function link(
  call: MailboxCall,
  folderId: string,
  name: '$skiptoken' | '$deltatoken',
  state: DeltaState,
): string {
  const token = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${call.req.origin}/v1.0/users/${encodeURIComponent(call.mailbox.userId)}/mailfolders('${folderId}')/messages/delta?${name}=${token}`;
}

function initialLink(call: MailboxCall, folderId: string, state: DeltaState): string {
  const query = new URLSearchParams();
  if (state.select) query.set('$select', state.select);
  if (state.received)
    query.set(
      '$filter',
      `receivedDateTime ${state.received.op} ${new Date(state.received.at).toISOString()}`,
    );
  const suffix = query.toString();
  return `${call.req.origin}/v1.0/users/${encodeURIComponent(call.mailbox.userId)}/mailfolders('${folderId}')/messages/delta${suffix ? `?${suffix}` : ''}`;
}

function decode(token: string): DeltaState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaState;
    return typeof state.epoch === 'string' && typeof state.upper === 'number' ? state : undefined;
  } catch {
    return undefined;
  }
}

export const deltaRoutes: Route[] = [
  mailboxRoute('GET', 'users/{user}/mailfolders/{folder}/messages/delta', 'messages.delta', 'read', delta),
];
