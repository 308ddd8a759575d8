import type { ListRequestsQuery } from '../../api/desk-api';

// The list's filters and sort live in the URL (#/requests?status=Open&sort=title), so going back from an SR
// restores them and a filtered view can be shared as a link.

export type SortField = 'id' | 'title' | 'status' | 'priority' | 'createdAt' | 'updatedAt';
export type AssigneeFilter = 'anyone' | 'me' | 'unassigned';

export type ListFilters = {
  q: string;
  statuses: string[];
  assignee: AssigneeFilter;
  hasNewEmailReply: boolean;
  sort: SortField;
  order: 'asc' | 'desc';
};

const SORT_FIELDS: readonly SortField[] = ['id', 'title', 'status', 'priority', 'createdAt', 'updatedAt'];

export function readFilters(params: URLSearchParams): ListFilters {
  const sort = params.get('sort') as SortField | null;
  const assignee = params.get('assignee');
  return {
    q: params.get('q') ?? '',
    statuses: (params.get('status') ?? '').split(',').filter(Boolean),
    assignee: assignee === 'me' || assignee === 'unassigned' ? assignee : 'anyone',
    hasNewEmailReply: params.get('reply') === '1',
    sort: sort && SORT_FIELDS.includes(sort) ? sort : 'updatedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

export function writeFilters(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.assignee !== 'anyone') params.set('assignee', filters.assignee);
  if (filters.hasNewEmailReply) params.set('reply', '1');
  if (filters.sort !== 'updatedAt') params.set('sort', filters.sort);
  if (filters.order !== 'desc') params.set('order', filters.order);
  return params;
}

export function toQuery(filters: ListFilters, cursor: string | undefined, limit: number): ListRequestsQuery {
  return {
    limit,
    sort: filters.sort,
    order: filters.order,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.statuses.length > 0 ? { status: filters.statuses } : {}),
    ...(filters.assignee !== 'anyone' ? { assignee: filters.assignee } : {}),
    ...(filters.hasNewEmailReply ? { hasNewEmailReply: 'true' as const } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export const hasActiveFilters = (filters: ListFilters): boolean =>
  Boolean(filters.q) || filters.statuses.length > 0 || filters.assignee !== 'anyone' || filters.hasNewEmailReply;
