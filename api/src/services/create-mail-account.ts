import type { MailAccount } from '../domain/mail-account.js';
import type { ServiceDeps } from './deps.js';
import { applyInput, saveChecked, withDefaults, type MailAccountInput } from './mail-account-input.js';

export async function createMailAccount(deps: ServiceDeps, input: MailAccountInput): Promise<MailAccount> {
  return deps.store.transact(async (tx) => {
    const now = deps.clock().toISOString();
    const account = applyInput(deps, { id: deps.newId(), createdAt: now, updatedAt: now } as MailAccount, withDefaults(input), now);
    await saveChecked(tx, account);
    return account;
  });
}
