import type { MailCenterItem } from '../domain/mail-center-item.js';
import { normaliseMessageId, type MailMessage } from '../domain/mail-message.js';
import type { Note } from '../domain/note.js';
import type { ServiceRequest } from '../domain/service-request.js';
import type { ReadTransaction } from '../store/ports/store.js';
import type { ServiceDeps } from './deps.js';
import { readEmailEvidence, type EmailEvidence } from './read-email-evidence.js';

export type EmailFiling = { request: ServiceRequest; note: Note };

export type EmailStanding = {
  /** Every SR the email is a note on, newest filing first. */
  filings: EmailFiling[];
  /** The newest Mail Center item for it, whatever its state. */
  mailCenterItem?: MailCenterItem;
  evidence: EmailEvidence;
};

/** The notes made from this email (by the mail engine or by an agent), found by its internetMessageId. */
export async function findFilings(tx: ReadTransaction, internetMessageId: string): Promise<EmailFiling[]> {
  const wanted = normaliseMessageId(internetMessageId);
  const notes = await tx.collection('notes').find((n) => n.email?.internetMessageId !== undefined && normaliseMessageId(n.email.internetMessageId) === wanted);
  const filings: EmailFiling[] = [];
  for (const note of notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const request = await tx.collection('requests').get(note.requestId);
    if (request) filings.push({ request, note });
  }
  return filings;
}

/** Where an email stands: asked by its internetMessageId first, then by what its headers and markers say. */
export async function lookupEmail(deps: ServiceDeps, message: MailMessage & { internetMessageId: string }): Promise<EmailStanding> {
  return deps.store.read(async (tx) => {
    const filings = await findFilings(tx, message.internetMessageId);
    const wanted = normaliseMessageId(message.internetMessageId);
    const items = await tx.collection('mailCenter').find((i) => i.internetMessageId !== undefined && normaliseMessageId(i.internetMessageId) === wanted);
    const mailCenterItem = items.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const evidence = await readEmailEvidence(deps, tx, message);
    return { filings, ...(mailCenterItem ? { mailCenterItem } : {}), evidence };
  });
}
