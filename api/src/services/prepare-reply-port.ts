import type { MailAttachment, MailMessage } from '../domain/mail-message.js';
import type { ApplyReplyInput } from './apply-reply.js';

// What happens before the apply step's transaction lives in the mail engine (mail/prepare-reply.ts): the reply cut
// from the quoted history, the attachments into the blob store. Services that file an email an agent chose (the
// Outlook add-in) get that step injected, so they run exactly the engine's extraction without importing mail/.

/** An attachment the agent ticked, with the bytes Outlook gave the pane. */
export type ReplyFile = { meta: MailAttachment; bytes: Buffer };

export type ReplyTarget = Pick<ApplyReplyInput, 'requestId' | 'signal' | 'source' | 'actor' | 'manual' | 'applyStatusPolicy' | 'authentication'>;

export type PreparedReply = Omit<ApplyReplyInput, 'ledger' | 'mailCenterItem'>;

export type PrepareReply = (input: { message: MailMessage; files: readonly ReplyFile[]; target: ReplyTarget }) => Promise<PreparedReply>;
