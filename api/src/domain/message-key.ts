import { createHash } from 'node:crypto';
import type { MailMessage } from './mail-message.js';
import { ledgerKey } from './processed-message.js';

// The ledger key of a message: mailbox + internetMessageId, or a hash of what identifies the content when a message
// has no id (some gateways and scanners drop it). The Graph id is not part of it: it changes on move (docs/graph-behaviour.md C4).

export function contentHash(message: MailMessage): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        message.from.address.toLowerCase(),
        message.subject,
        message.receivedAt,
        message.bodyHtml ?? message.bodyText ?? '',
      ]),
    )
    .digest('hex');
}

export function messageKey(mailbox: string, message: MailMessage): { key: string; contentHash?: string } {
  if (message.internetMessageId) return { key: ledgerKey(mailbox, message.internetMessageId, '') };
  const hash = contentHash(message);
  return { key: ledgerKey(mailbox, undefined, hash), contentHash: hash };
}
