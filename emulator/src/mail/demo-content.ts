import type { MailStore } from '../state/mail-store.js';
import { deliverMime } from './deliver.js';
import { SERVICE_MAILBOX } from '../tenant/demo-tenant.js';

/** A first customer email in the support inbox, so a fresh demo has something to triage. */
export async function seedDemoContent(store: MailStore): Promise<void> {
  const mailbox = store.mailbox(SERVICE_MAILBOX);
  if (!mailbox) return;
  const raw = [
    'From: Alex Johnson <alex@fabrikam.test>',
    `To: Contoso Support <${SERVICE_MAILBOX}>`,
    'Subject: Printer on the 3rd floor keeps jamming',
    `Date: ${new Date(Date.now() - 3_600_000).toUTCString()}`,
    'Message-ID: <CAF3demo0001@mail.fabrikam.test>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>Hello Contoso support,</p><p>the printer next to the kitchen on the 3rd floor jams on every second page since Monday. Could someone have a look?</p><p>Thanks,<br>Alex Johnson<br>Fabrikam Ltd.</p></body></html>',
    '',
  ].join('\r\n');
  await deliverMime(store, mailbox, Buffer.from(raw), store.wellKnownFolder(mailbox, 'inbox').id);
}
