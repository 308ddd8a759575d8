import type { TMailCenterItem } from '../../contract/mail-center.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';

/** Everything but the blob address of the original (fetched through GET .../original). */
export function presentMailCenterItem(item: MailCenterItem): TMailCenterItem {
  const { originalRef: _ref, graphMessageId: _graphId, ...rest } = item;
  return rest;
}
