import type { MailAddress, MailAttachment } from '../domain/mail-message.js';
import type { NoteSource, SenderVerdict } from '../domain/note.js';
import type { ProcessedMessage } from '../domain/processed-message.js';
import type { StoredOriginal } from '../domain/stored-original.js';

// What happens before the apply step's transaction (services/inbound/prepare-reply.ts): the reply cut from the quoted
// history, the attachments into the blob store. It reads the body in the engine's worker threads: the engine uses them
// directly; the services that file an email an agent chose (a Mail Center action, the Outlook add-in,
// services/filing/prepare-addin-reply.ts) are given them as ServiceDeps.reader.

/** An attachment the agent ticked, with the bytes Outlook gave the pane. */
export type ReplyFile = { meta: MailAttachment; bytes: Buffer };

export type ReplyTarget = Pick<
  ApplyReplyInput,
  'requestId' | 'signal' | 'source' | 'actor' | 'manual' | 'applyStatusPolicy' | 'authentication'
>;

export type PreparedReply = Omit<ApplyReplyInput, 'ledger' | 'mailCenterItem'>;

// What the apply step (services/inbound/apply-reply.ts) commits in one transaction; the engine and the add-in prepare it.
/** An attachment whose bytes are already in the blob store (written before this transaction). */
export type StoredFile = { id: string; fileName: string; contentType: string; sha256: string; size: number };

export type ApplyReplyInput = {
  requestId: number;
  email: { internetMessageId?: string; subject: string; from: MailAddress; receivedAt: string };
  reply: { html: string; text: string; elidedHtml?: string };
  /** What tied the email to the SR: "ec-id", "message-id", "manual" ... */
  signal: string;
  /** What the receiving mail server said of the sender; shown on the note and in the history when it did not vouch. */
  authentication?: SenderVerdict;
  source: Extract<NoteSource, 'email' | 'addin'>;
  /** Who filed it: the engine (SYSTEM_ACTOR) or the agent who linked it. */
  actor: { id: string; name: string };
  /** An agent chose the SR: history says "linked manually by" ("filed from Outlook by" from the add-in), and a closed SR takes the note. */
  manual: boolean;
  attachments: StoredFile[];
  /** The email as it arrived, for "view original" (emails filed from Outlook have none). */
  original?: StoredOriginal;
  /** False for the first note of an SR just created from the email: it is not a reply to anything. */
  applyStatusPolicy: boolean;
  /** Written in this transaction, so the import happens exactly once (ProcessedMessage without the outcome fields). */
  ledger?: Omit<ProcessedMessage, 'outcome' | 'requestId' | 'noteId' | 'mailCenterItemId'>;
  /** The Mail Center item this resolves (link, create-request, or a processing failure that now went through). */
  mailCenterItem?: { id: string; state: 'linked' | 'created' | 'resolved' };
};
