import type { MailTransport } from '../../domain/mail-account.js';
import type { MailSender } from '../../ports/mail-sender.js';

/** One sender for the outbound worker: each email goes out the way its account's transport says. */
export function senderByTransport(senders: Record<MailTransport, MailSender>): MailSender {
  return {
    send: (account, mail) => senders[account.transport].send(account, mail),
    find: (account, id) => senders[account.transport].find(account, id),
    deleteDraft: (account, id) => senders[account.transport].deleteDraft(account, id),
  };
}
