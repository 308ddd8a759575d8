import type { Principal } from '../domain/principal.js';
import { PRIORITIES, formatSrNumber, type ServiceRequest } from '../domain/service-request.js';
import type { ServiceDeps } from './deps.js';
import { loadSettings } from './load-settings.js';
import { paginate, paginateAt, type Page } from './paging.js';

export type ListRequestsQuery = {
  q?: string;
  status?: string[];
  assignee?: string;
  hasNewEmailReply?: boolean;
  open?: boolean;
  page?: number;
  sort: 'id' | 'title' | 'status' | 'priority' | 'requester' | 'assignee' | 'createdAt' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

export async function listRequests(deps: ServiceDeps, viewer: Principal, query: ListRequestsQuery): Promise<Page<ServiceRequest>> {
  const all = await deps.store.read(async (tx) => {
    const closed = new Set((await loadSettings(tx)).statuses.filter((s) => s.isClosed).map((s) => s.name.toLowerCase()));
    const matches = buildFilter(viewer, query);
    const isOpen = (sr: ServiceRequest) => !closed.has(sr.status.toLowerCase());
    return tx.collection('requests').find((sr) => matches(sr) && (query.open === undefined || isOpen(sr) === query.open));
  });
  const direction = query.order === 'asc' ? 1 : -1;
  all.sort((a, b) => direction * compareBy(query.sort, a, b) || b.id - a.id);
  return query.page && !query.cursor ? paginateAt(all, query.limit, (query.page - 1) * query.limit) : paginate(all, query.limit, query.cursor);
}

function buildFilter(viewer: Principal, query: ListRequestsQuery): (sr: ServiceRequest) => boolean {
  const text = query.q?.toLowerCase();
  const statuses = query.status?.map((s) => s.toLowerCase());
  const assignee = query.assignee?.toLowerCase() === 'me' ? viewer.email.toLowerCase() : query.assignee?.toLowerCase();
  return (sr) =>
    (!text || searchableText(sr).includes(text)) &&
    (!statuses?.length || statuses.includes(sr.status.toLowerCase())) &&
    (assignee === undefined || (assignee === 'unassigned' ? !sr.assignee : sr.assignee?.email.toLowerCase() === assignee)) &&
    (query.hasNewEmailReply === undefined || sr.hasNewEmailReply === query.hasNewEmailReply);
}

const searchableText = (sr: ServiceRequest): string =>
  [formatSrNumber(sr.id), sr.title, sr.description, sr.requester.name, sr.requester.email, ...sr.participants].join('\n').toLowerCase();

function compareBy(field: ListRequestsQuery['sort'], a: ServiceRequest, b: ServiceRequest): number {
  switch (field) {
    case 'id':
      return a.id - b.id;
    case 'priority':
      return PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
    case 'requester':
      return a.requester.name.localeCompare(b.requester.name);
    case 'assignee':
      // Unassigned SRs sort after every assignee, as "nobody yet".
      return (a.assignee?.name ?? '\uffff').localeCompare(b.assignee?.name ?? '\uffff');
    default:
      return a[field].localeCompare(b[field]);
  }
}
