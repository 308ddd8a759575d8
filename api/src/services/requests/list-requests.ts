import type { Principal } from '../../domain/principal.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { RequestCursor, RequestSort } from '../../ports/store-queries.js';
import type { ServiceDeps } from '../deps.js';
import { loadSettings } from '../settings/load-settings.js';
import { decodeCursor, encodeCursor, isObject, type Page } from '../paging.js';

export type ListRequestsQuery = {
  q?: string;
  status?: string[];
  assignee?: string;
  hasNewEmailReply?: boolean;
  /** Only open SRs (true), only closed ones (false), or both (absent); closed means a status the desk marks closed. */
  open?: boolean;
  /** A page number (from 1) for lists whose page lives in the address bar; a cursor, when given, wins. */
  page?: number;
  sort: RequestSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

export async function listRequests(
  deps: ServiceDeps,
  viewer: Principal,
  query: ListRequestsQuery,
): Promise<Page<ServiceRequest>> {
  const assignee = query.assignee?.toLowerCase();
  const after = query.cursor ? decodeCursor(query.cursor, isRequestCursor(query.sort)) : undefined;
  const page = await deps.store.read(async (tx) => {
    const closed = (await loadSettings(tx)).statuses
      .filter((s) => s.isClosed)
      .map((s) => s.name.toLowerCase());
    const asked = query.status?.map((s) => s.toLowerCase());
    // Closed SRs only: the asked statuses that are closed (none asked: every closed one).
    const statuses =
      query.open === false ? (asked?.length ? asked.filter((s) => closed.includes(s)) : closed) : asked;
    if (query.open === false && statuses?.length === 0) return { items: [], total: 0 };
    return tx.collection('requests').list({
      ...(query.q ? { search: query.q } : {}),
      ...(statuses?.length ? { statuses } : {}),
      ...(query.open === true && closed.length ? { excludeStatuses: closed } : {}),
      ...(assignee === undefined
        ? {}
        : {
            assignee:
              assignee === 'unassigned' ? null : assignee === 'me' ? viewer.email.toLowerCase() : assignee,
          }),
      ...(query.hasNewEmailReply === undefined ? {} : { hasNewEmailReply: query.hasNewEmailReply }),
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      ...(after ? { after } : query.page && query.page > 1 ? { offset: (query.page - 1) * query.limit } : {}),
    });
  });
  return {
    items: page.items,
    total: page.total,
    ...(page.totalIsCapped ? { totalIsCapped: true } : {}),
    ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}),
  };
}

/** A cursor made for another sort cannot say where this one's page ended. */
const isRequestCursor =
  (sort: RequestSort) =>
  (position: unknown): position is RequestCursor =>
    isObject(position) &&
    Number.isSafeInteger(position['id']) &&
    (sort === 'id' || sort === 'priority'
      ? Number.isSafeInteger(position['value'])
      : typeof position['value'] === 'string');
