import { REQUEST_SORTS, type RequestSort } from '../../../../api/src/contract/service-request';
import type { ListRequestsQuery } from '../../api/desk-api';

// The list's filters, sort, page and page size live in the URL (#/requests?status=Open&sort=title&page=2), so going
// back from an SR restores them and a view can be shared as a link.

export type SortField = RequestSort;
export type ListView = 'open' | 'all';
export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;
export type AssigneeFilter = 'anyone' | 'me' | 'unassigned';

export type ListFilters = {
  q: string;
  statuses: string[];
  assignee: AssigneeFilter;
  hasNewEmailReply: boolean;
  sort: SortField;
  order: 'asc' | 'desc';
  /** Open SRs by default: closed ones are history, one choice away. */
  view: ListView;
  page: number;
  pageSize: number;
};

const SORT_FIELDS: readonly SortField[] = REQUEST_SORTS;

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
    view: params.get('view') === 'all' ? 'all' : 'open',
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    pageSize: PAGE_SIZES.find((size) => size === Number(params.get('size'))) ?? DEFAULT_PAGE_SIZE,
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
  if (filters.view !== 'open') params.set('view', filters.view);
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(filters.pageSize));
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function toQuery(filters: ListFilters): ListRequestsQuery {
  return {
    limit: filters.pageSize,
    page: filters.page,
    ...(filters.view === 'open' ? { open: 'true' as const } : {}),
    sort: filters.sort,
    order: filters.order,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.statuses.length > 0 ? { status: filters.statuses } : {}),
    ...(filters.assignee !== 'anyone' ? { assignee: filters.assignee } : {}),
    ...(filters.hasNewEmailReply ? { hasNewEmailReply: 'true' as const } : {}),
  };
}

export const hasActiveFilters = (filters: ListFilters): boolean =>
  Boolean(filters.q) ||
  filters.statuses.length > 0 ||
  filters.assignee !== 'anyone' ||
  filters.hasNewEmailReply;
