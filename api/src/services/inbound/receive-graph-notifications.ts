import type { NotificationReceipt } from '../../ports/mail-engine.js';
import type { ServiceDeps } from '../deps.js';

/** Change notifications and lifecycle events; the engine checks each clientState and schedules a sync. */
export function receiveGraphNotifications(
  deps: Pick<ServiceDeps, 'mail'>,
  items: readonly unknown[],
): NotificationReceipt {
  return deps.mail ? deps.mail.receiveNotifications(items) : { accepted: 0, rejected: items.length };
}
