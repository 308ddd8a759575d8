import type { Actor, LinkStatus } from '../ports/mail-engine.js';
import type { Mailbox } from '../ports/mailbox.js';
import { createRequestFromItem, linkItem, reprocessItem, type ActionContext } from './mail-center-actions.js';
import { ownAddresses } from './own-addresses.js';
import { senderTrust } from '../reply/sender-authenticity.js';

// The engine's Mail Center entry points (link, create an SR, reprocess): they give the actions what only the running
// engine has (its limits, the mailboxes it has open) and call them; the actions file through the services.

export type EntryHost = Pick<ActionContext, 'deps' | 'logger' | 'limits'> & {
  mailboxFor(accountId: string): Mailbox | undefined;
};

export class MailCenterEntry {
  constructor(private readonly host: EntryHost) {}

  linkItem(itemId: string, requestId: number, actor: Actor, status?: LinkStatus) {
    return linkItem(this.context(), itemId, requestId, actor, status);
  }

  createRequestFromItem(itemId: string, actor: Actor) {
    return createRequestFromItem(this.context(), itemId, actor);
  }

  reprocessItem(itemId: string, actor: Actor) {
    return reprocessItem(this.context(), itemId, actor);
  }

  private context(): ActionContext {
    const { deps, logger, limits } = this.host;
    return {
      deps,
      logger,
      limits,
      classify: () => ownAddresses(deps.store),
      trustFor: async (accountId) => {
        const account = await deps.store.read((tx) => tx.collection('mailAccounts').get(accountId));
        return account ? senderTrust(account) : undefined;
      },
      mailboxFor: (accountId) => this.host.mailboxFor(accountId),
    };
  }
}
