import { AppError } from '../../domain/app-error.js';
import type { MailAccount } from '../../domain/mail-account.js';
import type { ReadTransaction } from '../../ports/store.js';

/** The seed guide: all email goes out from the account set as Default, and only with Service Messaging on. */
export async function loadSendingAccount(tx: ReadTransaction): Promise<MailAccount> {
  const account = await (await tx.collection('mailAccounts').all()).find((a) => a.isDefault);
  if (!account) {
    throw new AppError(
      'precondition_failed',
      'No mail account is set as Default (Administration > Mail > Accounts > Email), so there is nothing to send from.',
    );
  }
  if (!account.serviceMessaging) {
    throw new AppError(
      'precondition_failed',
      `Service Messaging is off for ${account.emailAddress}; turn it on (Administration > Mail > Accounts > Email) to send email from SRs.`,
    );
  }
  return account;
}

/** The name and address placeholders and the Message-ID use for an account. */
export function deskOf(account: MailAccount): { name: string; address: string } {
  return { name: account.displayName ?? account.emailAddress, address: account.emailAddress };
}
