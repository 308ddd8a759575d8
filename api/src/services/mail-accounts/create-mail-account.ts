import type { MailAccount } from '../../domain/mail-account.js';
import { approveDefaultChange, handOverDefault } from './approve-default-change.js';
import type { ServiceDeps } from '../deps.js';
import { applyInput, saveChecked, withDefaults, type MailAccountInput } from './mail-account-input.js';

export async function createMailAccount(
  deps: ServiceDeps,
  { replacesDefault, ...input }: MailAccountInput & { replacesDefault?: string },
): Promise<MailAccount> {
  const now = deps.clock().toISOString();
  const account = applyInput(
    deps,
    { id: deps.newId(), createdAt: now, updatedAt: now } as MailAccount,
    withDefaults(input),
    now,
  );
  const formerDefault = await approveDefaultChange(deps, account, false, replacesDefault);
  return deps.store.transact(async (tx) => {
    await handOverDefault(tx, formerDefault, now);
    await saveChecked(tx, account);
    return account;
  });
}
