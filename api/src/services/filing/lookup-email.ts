import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { Note } from '../../domain/note.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { ReadTransaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';
import { readEmailEvidence, type EmailEvidence } from './read-email-evidence.js';

/** `filedBy` is who put it there: the agent who filed, linked or moved it, or the engine. */
export type EmailFiling = { request: ServiceRequest; note: Note; filedBy: string };

export type EmailStanding = {
  /** Every SR the email is a note on, newest filing first. */
  filings: EmailFiling[];
  /** The newest Mail Center item for it, whatever its state. */
  mailCenterItem?: MailCenterItem;
  evidence: EmailEvidence;
};

/** The notes made from this email (by the mail engine or by an agent), found by its internetMessageId. */
export async function findFilings(tx: ReadTransaction, internetMessageId: string): Promise<EmailFiling[]> {
  const notes = await tx.collection('notes').byMessageId(internetMessageId);
  const filings: EmailFiling[] = [];
  for (const note of notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const request = await tx.collection('requests').get(note.requestId);
    if (!request) continue;
    // The note's author is the sender; the history entry that made or moved the note names who filed it.
    const entries = await tx.collection('history').ofNote(note.id);
    const latest = entries.sort((a, b) => b.at.localeCompare(a.at))[0];
    filings.push({ request, note, filedBy: latest?.actor.name ?? note.author.name });
  }
  return filings;
}

/** Where an email stands: asked by its internetMessageId first, then by what its headers and markers say. */
export async function lookupEmail(
  deps: ServiceDeps,
  message: MailMessage & { internetMessageId: string },
): Promise<EmailStanding> {
  return deps.store.read(async (tx) => {
    const filings = await findFilings(tx, message.internetMessageId);
    const items = await tx.collection('mailCenter').byMessageId(message.internetMessageId);
    const mailCenterItem = items.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const evidence = await readEmailEvidence(deps, tx, message);
    return { filings, ...(mailCenterItem ? { mailCenterItem } : {}), evidence };
  });
}
