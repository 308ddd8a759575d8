import type { MailAccount } from '../../domain/mail-account.js';
import type { ServiceDeps } from '../deps.js';
import { applyInput, saveChecked, withDefaults } from '../mail-accounts/mail-account-input.js';

export type DemoMailbox = {
  emailAddress: string;
  displayName: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
};

/**
 * Demo mode: the desk's mailbox in the emulator, Default and with Service Messaging on, so the loop works from the
 * first start. An existing account keeps the admin's changes; only the app's credentials follow the emulator.
 */
export async function ensureDemoMailAccount(deps: ServiceDeps, demo: DemoMailbox): Promise<MailAccount> {
  return deps.store.transact(async (tx) => {
    const now = deps.clock().toISOString();
    const accounts = await tx.collection('mailAccounts').all();
    const existing = accounts.find((a) => a.emailAddress.toLowerCase() === demo.emailAddress.toLowerCase());
    if (existing) {
      const current = existing.clientSecret ? deps.secrets.open(existing.clientSecret) : undefined;
      if (
        existing.tenantId === demo.tenantId &&
        existing.clientId === demo.clientId &&
        current === demo.clientSecret
      )
        return existing;
      const updated = applyInput(
        deps,
        existing,
        { tenantId: demo.tenantId, clientId: demo.clientId, clientSecret: demo.clientSecret },
        now,
      );
      await saveChecked(tx, updated);
      return updated;
    }
    const account = applyInput(
      deps,
      { id: deps.newId(), createdAt: now, updatedAt: now } as MailAccount,
      withDefaults({
        emailAddress: demo.emailAddress,
        displayName: demo.displayName,
        // Another Default (made by an admin) wins; the demo mailbox then only receives.
        isDefault: !accounts.some((a) => a.isDefault),
        serviceMessaging: true,
        tenantId: demo.tenantId,
        clientId: demo.clientId,
        clientSecret: demo.clientSecret,
      }),
      now,
    );
    await saveChecked(tx, account);
    return account;
  });
}
