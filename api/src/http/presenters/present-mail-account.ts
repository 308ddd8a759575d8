import type { TMailAccount } from '../../contract/mail-account.js';
import type { MailAccount } from '../../domain/mail-account.js';

/** Never the secret: only whether one is set and its last four characters, so admins can tell which. Never the password. */
export function presentMailAccount(a: MailAccount): TMailAccount {
  const { clientSecret, password, ...rest } = a;
  return {
    ...rest,
    clientSecret: clientSecret ? { isSet: true, last4: clientSecret.last4 } : { isSet: false },
    password: { isSet: Boolean(password) },
  };
}
