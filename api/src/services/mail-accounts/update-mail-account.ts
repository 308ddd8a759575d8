import { AppError, notFound } from '../../domain/app-error.js';
import type { MailAccount } from '../../domain/mail-account.js';
import { approveDefaultChange, handOverDefault } from './approve-default-change.js';
import type { ServiceDeps } from '../deps.js';
import { applyInput, saveChecked, type MailAccountInput } from './mail-account-input.js';

export async function updateMailAccount(
  deps: ServiceDeps,
  id: string,
  { replacesDefault, ...patch }: Partial<MailAccountInput> & { replacesDefault?: string },
): Promise<MailAccount> {
  const now = deps.clock().toISOString();
  const before = await deps.store.read((tx) => tx.collection('mailAccounts').get(id));
  if (!before) throw notFound('Mail account', id);
  const account = applyInput(deps, before, patch, now);
  // A change of Default is tested against Microsoft 365 first, outside the transaction; the write then checks that
  // nobody changed the account meanwhile, so what was tested is what is stored.
  const formerDefault = await approveDefaultChange(deps, account, before.isDefault, replacesDefault);
  return deps.store.transact(async (tx) => {
    const stored = await tx.collection('mailAccounts').get(id);
    if (!stored) throw notFound('Mail account', id);
    if (stored.updatedAt !== before.updatedAt)
      throw new AppError(
        'conflict',
        `${before.emailAddress} was changed by someone else meanwhile. Open it again to see the change.`,
      );
    await handOverDefault(tx, formerDefault, now);
    await saveChecked(tx, account);
    return account;
  });
}
