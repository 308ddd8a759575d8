import { notFound } from '../../domain/app-error.js';
import type { MailAccount } from '../../domain/mail-account.js';
import type { ServiceDeps } from '../deps.js';

export async function getMailAccount(deps: ServiceDeps, id: string): Promise<MailAccount> {
  const account = await deps.store.read((tx) => tx.collection('mailAccounts').get(id));
  if (!account) throw notFound('Mail account', id);
  return account;
}
