import type { Principal } from '../domain/principal.js';
import type { ServiceRequest } from '../domain/service-request.js';
import type { RequestCursor, RequestSort } from '../store/ports/store-queries.js';
import type { ServiceDeps } from './deps.js';
import { decodeCursor, encodeCursor, isObject, type Page } from './paging.js';

export type ListRequestsQuery = {
  q?: string;
  status?: string[];
  assignee?: string;
  hasNewEmailReply?: boolean;
  sort: RequestSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

export async function listRequests(deps: ServiceDeps, viewer: Principal, query: ListRequestsQuery): Promise<Page<ServiceRequest>> {
  const assignee = query.assignee?.toLowerCase();
  const after = query.cursor ? decodeCursor(query.cursor, isRequestCursor(query.sort)) : undefined;
  const page = await deps.store.read((tx) =>
    tx.collection('requests').list({
      ...(query.q ? { search: query.q } : {}),
      ...(query.status?.length ? { statuses: query.status } : {}),
      ...(assignee === undefined ? {} : { assignee: assignee === 'unassigned' ? null : assignee === 'me' ? viewer.email.toLowerCase() : assignee }),
      ...(query.hasNewEmailReply === undefined ? {} : { hasNewEmailReply: query.hasNewEmailReply }),
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      ...(after ? { after } : {}),
    }),
  );
  return { items: page.items, total: page.total, ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}) };
}

/** A cursor made for another sort cannot say where this one's page ended. */
const isRequestCursor = (sort: RequestSort) => (position: unknown): position is RequestCursor =>
  isObject(position) &&
  Number.isSafeInteger(position['id']) &&
  (sort === 'id' || sort === 'priority' ? Number.isSafeInteger(position['value']) : typeof position['value'] === 'string');
