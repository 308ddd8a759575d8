import { notFound } from '../../domain/app-error.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { ServiceDeps } from '../deps.js';

export async function getMailCenterItem(
  deps: Pick<ServiceDeps, 'store'>,
  itemId: string,
): Promise<MailCenterItem> {
  const item = await deps.store.read((tx) => tx.collection('mailCenter').get(itemId));
  if (!item) throw notFound('Mail Center item', itemId);
  return item;
}
