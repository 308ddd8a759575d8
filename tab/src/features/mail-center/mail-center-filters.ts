import type { MailCenterQuery, MailCenterReason, MailCenterState } from '../../api/desk-api';
import { REASON_LABELS, STATE_LABELS } from './mail-center-labels';

// The Mail Center's filters live in the URL (#/mail-center?state=all&reason=no-marker&q=printer), so the
// back button and a shared link show the same list.
export type MailCenterFilters = { state: MailCenterState | 'all'; reason: MailCenterReason | ''; q: string };

export const DEFAULT_FILTERS: MailCenterFilters = { state: 'open', reason: '', q: '' };

export function readMailCenterFilters(params: URLSearchParams): MailCenterFilters {
  const state = params.get('state') ?? '';
  const reason = params.get('reason') ?? '';
  return {
    state: state in STATE_LABELS ? (state as MailCenterState | 'all') : 'open',
    reason: reason in REASON_LABELS ? (reason as MailCenterReason) : '',
    q: params.get('q') ?? '',
  };
}

export function writeMailCenterFilters(filters: MailCenterFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.state !== 'open') params.set('state', filters.state);
  if (filters.reason) params.set('reason', filters.reason);
  if (filters.q) params.set('q', filters.q);
  return params;
}

export const toMailCenterQuery = (
  filters: MailCenterFilters,
  cursor: string | undefined,
  limit: number,
): MailCenterQuery => ({
  state: filters.state,
  ...(filters.reason ? { reason: filters.reason } : {}),
  ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  ...(cursor ? { cursor } : {}),
  limit,
});
