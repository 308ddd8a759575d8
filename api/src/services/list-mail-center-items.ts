import type { MailCenterItem, MailCenterReason, MailCenterState } from '../domain/mail-center-item.js';
import type { ServiceDeps } from './deps.js';
import { paginate, type Page } from './paging.js';

export type MailCenterFilter = { reason?: MailCenterReason; state: MailCenterState | 'all'; q?: string; limit: number; cursor?: string };

/** Newest first; `q` matches every word against the subject, the sender and the preview. */
export async function listMailCenterItems(deps: Pick<ServiceDeps, 'store'>, filter: MailCenterFilter): Promise<Page<MailCenterItem>> {
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const items = await deps.store.read((tx) =>
    tx.collection('mailCenter').find((item) => {
      if (filter.state !== 'all' && item.state !== filter.state) return false;
      if (filter.reason && item.reason !== filter.reason) return false;
      if (words.length === 0) return true;
      const text = `${item.subject} ${item.from.name ?? ''} ${item.from.address} ${item.bodyPreview}`.toLowerCase();
      return words.every((w) => text.includes(w));
    }),
  );
  items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.createdAt.localeCompare(a.createdAt));
  return paginate(items, filter.limit, filter.cursor);
}
