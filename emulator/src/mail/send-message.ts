import { newId } from '../core/ids.js';
import { GraphHttpError } from '../core/graph-error.js';
import type { MailStore } from '../state/mail-store.js';
import { nowSeconds } from '../state/mail-store.js';
import type { Mailbox, Recipient, StoredMessage } from '../state/mail-types.js';
import type { Tenant } from '../tenant/tenant-directory.js';
import { isCustomerAddress } from '../tenant/tenant-directory.js';
import type { Scheduler } from '../core/scheduler.js';
import { composeMime } from '../mime/compose-mime.js';
import { deliverMime } from './deliver.js';
import { nonDeliveryReport } from './non-delivery-report.js';

export type SendServices = {
  store: MailStore;
  tenant: Tenant;
  scheduler: Scheduler;
  sentItemsDelayMs: () => number;
  unauthenticatedSenders: () => readonly string[];
};

const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Graph refuses to submit mail without resolvable recipients. */
export function checkRecipients(
  message: Pick<StoredMessage, 'toRecipients' | 'ccRecipients' | 'bccRecipients'>,
): void {
  const all = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients];
  if (all.length === 0) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    );
  }
  const bad = all.find((r) => !ADDRESS.test(r.emailAddress.address));
  if (bad) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRecipients',
      `At least one recipient isn't valid., Recipient '${bad.emailAddress.address}' is not resolved. All recipients must be resolved before a message can be submitted.`,
    );
  }
}

/**
 * Submits a message: it becomes the Sent Items copy (late, if sentItemsDelayMs is set: docs/graph-behaviour.md C11) and a MIME copy
 * is delivered to every recipient mailbox the emulator hosts. `inStore` is an existing draft (POST /send);
 * otherwise (sendMail) the message is new and only stored when saveToSentItems is true.
 */
export async function submitMessage(
  svc: SendServices,
  mailbox: Mailbox,
  message: StoredMessage,
  inStore: boolean,
  saveToSentItems: boolean,
): Promise<void> {
  checkRecipients(message);
  const owner: Recipient = { emailAddress: { name: mailbox.displayName, address: mailbox.address } };
  const now = Date.now();
  const finish = (m: StoredMessage): void => {
    m.isDraft = false;
    m.isRead = true;
    m.from = m.from ?? owner;
    m.sender = owner;
    m.sentDateTime = nowSeconds(new Date(now));
    m.receivedAt = now;
  };
  const sent: StoredMessage = { ...message, attachments: message.attachments };
  finish(sent);
  const mime = await composeMime(sent);
  sent.mime = mime.toString('base64');
  const sentItems = svc.store.wellKnownFolder(mailbox, 'sentitems').id;
  const delay = svc.sentItemsDelayMs();
  if (inStore) {
    if (delay > 0) {
      svc.store.removeMessage(mailbox, message);
      svc.scheduler.later(delay, () => {
        svc.store.insertMessage(mailbox, {
          ...sent,
          folderId: sentItems,
          restId: newId('message', mailbox.userId),
        });
      });
    } else {
      svc.store.updateMessage(mailbox, message, finish);
      message.mime = sent.mime;
      svc.store.moveMessage(mailbox, message, sentItems);
    }
  } else if (saveToSentItems) {
    const place = (): void => void svc.store.insertMessage(mailbox, { ...sent, folderId: sentItems });
    if (delay > 0) svc.scheduler.later(delay, place);
    else place();
  }
  svc.scheduler.later(0, () => route(svc, mailbox, sent, mime));
}

/** Hands the MIME to each recipient: hosted mailboxes get it, unknown addresses in our domain bounce, the rest leaves. */
async function route(svc: SendServices, from: Mailbox, message: StoredMessage, mime: Buffer): Promise<void> {
  const recipients = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients];
  const seen = new Set<string>();
  const stamp = { tenant: svc.tenant, unauthenticatedSenders: svc.unauthenticatedSenders() };
  for (const r of recipients) {
    const address = r.emailAddress.address.toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    const domain = address.split('@')[1] ?? '';
    const target = svc.store.mailbox(address);
    if (target) {
      await deliverMime(svc.store, target, mime, svc.store.wellKnownFolder(target, 'inbox').id, stamp);
    } else if (isCustomerAddress(svc.tenant, address)) {
      const created = svc.store.ensureMailbox(address, r.emailAddress.name || address);
      await deliverMime(svc.store, created, mime, svc.store.wellKnownFolder(created, 'inbox').id, stamp);
    } else if (svc.tenant.domains.includes(domain)) {
      const ndr = await nonDeliveryReport(domain, from.address, message.subject, address, mime);
      await deliverMime(svc.store, from, ndr, svc.store.wellKnownFolder(from, 'inbox').id);
    }
  }
}
