import type { Principal } from '../domain/principal.js';
import { PRIORITIES, formatSrNumber, type ServiceRequest } from '../domain/service-request.js';
import type { ServiceDeps } from './deps.js';
import { paginate, type Page } from './paging.js';

export type ListRequestsQuery = {
  q?: string;
  status?: string[];
  assignee?: string;
  hasNewEmailReply?: boolean;
  sort: 'id' | 'title' | 'status' | 'priority' | 'createdAt' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

export async function listRequests(deps: ServiceDeps, viewer: Principal, query: ListRequestsQuery): Promise<Page<ServiceRequest>> {
  const matches = buildFilter(viewer, query);
  const all = await deps.store.read((tx) => tx.collection('requests').find(matches));
  const direction = query.order === 'asc' ? 1 : -1;
  all.sort((a, b) => direction * compareBy(query.sort, a, b) || b.id - a.id);
  return paginate(all, query.limit, query.cursor);
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
    default:
      return a[field].localeCompare(b[field]);
  }
}
