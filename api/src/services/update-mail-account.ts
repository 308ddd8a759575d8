import { notFound } from '../domain/app-error.js';
import type { MailAccount } from '../domain/mail-account.js';
import type { ServiceDeps } from './deps.js';
import { applyInput, saveChecked, type MailAccountInput } from './mail-account-input.js';

export async function updateMailAccount(deps: ServiceDeps, id: string, patch: Partial<MailAccountInput>): Promise<MailAccount> {
  return deps.store.transact(async (tx) => {
    const current = await tx.collection('mailAccounts').get(id);
    if (!current) throw notFound('Mail account', id);
    const account = applyInput(deps, current, patch, deps.clock().toISOString());
    await saveChecked(tx, account);
    return account;
  });
}
