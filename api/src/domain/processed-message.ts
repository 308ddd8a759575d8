// The ledger that makes import exactly-once: written in the same transaction as the note (or the Mail
// Center item), keyed by mailbox and internetMessageId (a content hash when a message has none). The read
// flag is never the record of what was imported.
export type ProcessedOutcome = 'note' | 'mail-center';

export type ProcessedMessage = {
  /** `${mailbox}|${internetMessageId}` or `${mailbox}|sha256:${hash}`. */
  id: string;
  accountId: string;
  mailbox: string;
  internetMessageId?: string;
  contentHash?: string;
  /** The Graph id when it was processed; ids change on move, so this is informational. */
  graphMessageId?: string;
  /** IMAP: the folder's UIDVALIDITY and the message's UID when it was processed (a UIDVALIDITY change renumbers). */
  imapUidValidity?: string;
  imapUid?: number;
  outcome: ProcessedOutcome;
  requestId?: number;
  noteId?: string;
  mailCenterItemId?: string;
  /** The after-step (mark read / move / delete) runs after the commit; 'pending' until it has. */
  afterStep: 'pending' | 'finished';
  processedAt: string;
  finishedAt?: string;
};

export function ledgerKey(
  mailbox: string,
  internetMessageId: string | undefined,
  contentHash: string,
): string {
  const box = mailbox.toLowerCase();
  return internetMessageId ? `${box}|${internetMessageId}` : `${box}|sha256:${contentHash}`;
}

/** The id the mailbox listed the message under when it was processed: Graph's id, or IMAP's UIDVALIDITY:UID. */
export function listedIdOf(
  entry: Pick<ProcessedMessage, 'graphMessageId' | 'imapUidValidity' | 'imapUid'>,
): string | undefined {
  if (entry.graphMessageId) return entry.graphMessageId;
  return entry.imapUid !== undefined ? `${entry.imapUidValidity}:${entry.imapUid}` : undefined;
}
