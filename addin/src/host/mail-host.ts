import type { TAddinEmail } from '../../../api/src/contract/addin-email';

// What the pane needs from wherever the email is open: Outlook (host/outlook.ts) or, in demo mode, the
// emulator's mailboxes read through the API (host/demo-mailbox.ts). Features only ever see this shape.
export type MailHost = {
  kind: 'outlook' | 'demo-mailbox';
  /** The open email, without attachment bytes; undefined when nothing is selected. */
  readCurrentEmail(): Promise<TAddinEmail | undefined>;
  /** One attachment's bytes as base64, fetched only for the attachments the agent ticks. */
  readAttachmentContent(attachmentId: string): Promise<string>;
  /** Calls back when another email is opened (a pinned pane in Outlook, a pick in the demo mailbox). */
  onEmailChanged(listener: () => void): () => void;
};
