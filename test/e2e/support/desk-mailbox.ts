import { expect } from 'vitest';
import { composeCustomerReply, type SentMessage } from '../../../emulator/src/cli/customer-reply.js';
import { SERVICE_MAILBOX } from '../../../emulator/src/index.js';
import type { TestStack } from '../../support/stack.js';
import { apiAs } from './api-as.js';

// The service mailbox in the emulator, as the desk and its customers use it: what the desk sent, and email
// arriving that the mail engine then reads through Sync now (the admin's own button, through the API).

export type { SentMessage };

/** A new email (not a reply) from a customer, as Graph JSON. */
export type CustomerEmail = { from: { name: string; address: string }; subject: string; text: string };

/** The desk's Sent Items, newest first. Graph files the copy there as the send answers. */
export async function sentItems(stack: TestStack): Promise<SentMessage[]> {
  const res = await stack.emulator.control('GET', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=sentitems`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: SentMessage[] }).value;
}

/** Polls Sent Items until `find` picks a message (the outbound queue may send a moment after the API answers). */
export async function waitForSent(
  stack: TestStack,
  find: (sent: SentMessage[]) => SentMessage | undefined,
  what: string,
): Promise<SentMessage> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = find(await sentItems(stack));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Not in ${SERVICE_MAILBOX}'s Sent Items after 10 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sent by a person from the tab (not by a rule or the demo seed). */
export const isSentByHand = (message: SentMessage): boolean =>
  message.internetMessageHeaders?.some((h) => h.name === 'X-SM-Trigger' && h.value === 'manual') === true;

/** The customer answers `original` the way Outlook writes a reply (what `npm run demo:reply` sends). */
export async function replyToDesk(stack: TestStack, original: SentMessage, text: string): Promise<void> {
  const reply = await composeCustomerReply(original, text, SERVICE_MAILBOX);
  await deliverToDesk(stack, reply.mime);
}

/** A customer writes to the desk out of the blue: no marker, no thread of ours. */
export async function emailDesk(stack: TestStack, email: CustomerEmail): Promise<void> {
  await deliverToDesk(stack, {
    subject: email.subject,
    from: { emailAddress: email.from },
    toRecipients: [{ emailAddress: { name: 'Contoso Service Desk', address: SERVICE_MAILBOX } }],
    body: { contentType: 'text', content: email.text },
  });
}

/** Puts an email into the service mailbox's inbox, then has the engine read it with Sync now (answers when done). */
async function deliverToDesk(stack: TestStack, email: Buffer | object): Promise<void> {
  const delivered = Buffer.isBuffer(email)
    ? await stack.emulator.control(
        'POST',
        `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
        email,
        'message/rfc822',
      )
    : await stack.emulator.control('POST', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`, email);
  expect(delivered.status).toBe(201);
  await syncServiceMailbox(stack);
}

export async function syncServiceMailbox(stack: TestStack): Promise<void> {
  const api = apiAs(stack, 'admin@contoso.test');
  const { items } = await api<{ items: { id: string; emailAddress: string }[] }>('/admin/mail/accounts');
  const account = items.find((a) => a.emailAddress === SERVICE_MAILBOX);
  if (!account) throw new Error(`No mail account for ${SERVICE_MAILBOX}`);
  await api(`/admin/mail/accounts/${account.id}/sync`, { method: 'POST' });
}
