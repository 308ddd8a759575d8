import type { MailAccount } from '../domain/mail-account.js';
import type { SyncReport } from '../ports/mail-engine.js';
import type { OpenMailbox } from '../ports/mailbox.js';
import { AccountRuntime } from './account-runtime.js';
import { stopWatching } from './idle-keeper.js';

// The runtimes of the accounts this instance serves, one per account with Service Messaging on: made when an account
// appears, given a new mailbox adapter when what the adapter is built from changes, dropped when the account goes.

export class AccountRuntimes {
  private readonly runtimes = new Map<string, AccountRuntime>();

  constructor(
    private readonly openMailbox: OpenMailbox,
    private readonly sync: (runtime: AccountRuntime) => Promise<SyncReport>,
    /** Deletes the runtime's subscription when this instance owns it (the account changed or went). */
    private readonly dropSubscription: (runtime: AccountRuntime) => void,
  ) {}

  get(accountId: string): AccountRuntime | undefined {
    return this.runtimes.get(accountId);
  }

  values(): IterableIterator<AccountRuntime> {
    return this.runtimes.values();
  }

  get size(): number {
    return this.runtimes.size;
  }

  /** Keeps runtimes for exactly `accounts`: the others are stopped and dropped. Returns the kept ones. */
  reconcile(accounts: readonly MailAccount[]): AccountRuntime[] {
    for (const [id, runtime] of this.runtimes) {
      if (accounts.some((a) => a.id === id)) continue;
      this.runtimes.delete(id);
      void stopWatching(runtime);
      this.dropSubscription(runtime);
    }
    return accounts.map((a) => this.ensure(a));
  }

  /** The account's runtime, made now or brought up to date with the stored account. */
  ensure(account: MailAccount): AccountRuntime {
    const existing = this.runtimes.get(account.id);
    if (!existing) {
      const runtime = new AccountRuntime(account, this.openMailbox(account), this.sync);
      this.runtimes.set(account.id, runtime);
      return runtime;
    }
    if (existing.account.updatedAt !== account.updatedAt) {
      const mailboxChanged = MAILBOX_FIELDS.some(
        (k) => JSON.stringify(existing.account[k]) !== JSON.stringify(account[k]),
      );
      if (mailboxChanged) {
        this.dropSubscription(existing);
        existing.subscription = undefined;
        void stopWatching(existing, existing.mailbox);
      }
      existing.replace(account, mailboxChanged ? this.openMailbox(account) : existing.mailbox);
    }
    return existing;
  }
}

/** What the mailbox adapter is built from: a change to any of these needs a new adapter (and subscription or watch). */
const MAILBOX_FIELDS: ReadonlyArray<keyof MailAccount> = [
  'transport',
  'tenantId',
  'clientId',
  'clientSecret',
  'userPrincipalName',
  'folder',
  'incomingHost',
  'incomingPort',
  'incomingSecurity',
  'outgoingHost',
  'outgoingPort',
  'outgoingSecurity',
  'username',
  'authMethod',
  'password',
  'oauthScope',
];
