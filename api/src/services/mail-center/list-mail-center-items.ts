import type { MailCenterItem, MailCenterReason, MailCenterState } from '../../domain/mail-center-item.js';
import type { MailCenterCursor } from '../../ports/store-queries.js';
import type { ServiceDeps } from '../deps.js';
import { decodeCursor, encodeCursor, isObject, type Page } from '../paging.js';

export type MailCenterFilter = {
  reason?: MailCenterReason;
  state: MailCenterState | 'all';
  q?: string;
  limit: number;
  cursor?: string;
};

/** Newest first; `q` matches every word against the subject, the sender and the preview. */
export async function listMailCenterItems(
  deps: Pick<ServiceDeps, 'store'>,
  filter: MailCenterFilter,
): Promise<Page<MailCenterItem>> {
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const after = filter.cursor ? decodeCursor(filter.cursor, isMailCenterCursor) : undefined;
  const page = await deps.store.read((tx) =>
    tx.collection('mailCenter').list({
      ...(filter.state === 'all' ? {} : { state: filter.state }),
      ...(filter.reason ? { reason: filter.reason } : {}),
      ...(words.length > 0 ? { words } : {}),
      limit: filter.limit,
      ...(after ? { after } : {}),
    }),
  );
  return {
    items: page.items,
    total: page.total,
    ...(page.totalIsCapped ? { totalIsCapped: true } : {}),
    ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}),
  };
}

const isMailCenterCursor = (position: unknown): position is MailCenterCursor =>
  isObject(position) && ['receivedAt', 'createdAt', 'id'].every((key) => typeof position[key] === 'string');
