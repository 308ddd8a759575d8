import type { MailAccount } from '../../domain/mail-account.js';
import type { ServiceDeps } from '../deps.js';

/** The Default account first: it is the one outbound mail goes from. */
export async function listMailAccounts(deps: ServiceDeps): Promise<MailAccount[]> {
  const accounts = await deps.store.read((tx) => tx.collection('mailAccounts').all());
  return accounts.sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.emailAddress.localeCompare(b.emailAddress),
  );
}
