import type { MailMessage } from '../../domain/mail-message.js';
import { ledgerKey, type ProcessedMessage } from '../../domain/processed-message.js';
import type { ReadTransaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';

type Ledger = Omit<ProcessedMessage, 'outcome' | 'requestId' | 'noteId' | 'mailCenterItemId'>;

/**
 * When the email was read in a mailbox the engine watches, the filing also goes in the engine's ledger (same
 * transaction), so the engine does not import it again: it only runs its after-step (mark read, move). Mailboxes the
 * engine does not watch (an agent's own) have no ledger.
 */
export async function addinLedgerEntry(
  deps: Pick<ServiceDeps, 'clock'>,
  tx: ReadTransaction,
  message: MailMessage & { internetMessageId: string },
  mailbox: string | undefined,
): Promise<Ledger | undefined> {
  if (!mailbox) return undefined;
  const account = await (
    await tx.collection('mailAccounts').all()
  ).find((a) => a.serviceMessaging && a.emailAddress.toLowerCase() === mailbox.toLowerCase());
  if (!account) return undefined;
  const id = ledgerKey(account.emailAddress, message.internetMessageId, '');
  const existing = await tx.collection('processedMessages').get(id);
  if (existing) {
    const {
      outcome: _outcome,
      requestId: _requestId,
      noteId: _noteId,
      mailCenterItemId: _item,
      ...kept
    } = existing;
    return kept;
  }
  return {
    id,
    accountId: account.id,
    mailbox: account.emailAddress.toLowerCase(),
    internetMessageId: message.internetMessageId,
    afterStep: 'pending',
    processedAt: deps.clock().toISOString(),
  };
}
