import type { MailMessage } from '../../domain/mail-message.js';
import type { Settings } from '../../domain/settings.js';
import type { Decision } from './decide.js';
import { blockedAttachments } from './import-attachments.js';

// The check after matching that is about the email's size and files, not its SR: a reply matched to an SR is still held
// in the Mail Center when it is too large to import, or carries a file type the desk blocks (and the desk holds those
// rather than strip them). The evidence keeps what matched, so the agent sees both.

type NoteDecision = Extract<Decision, { kind: 'note' }>;

export type MessageLimits = { maxMessageBytes: number; maxAttachmentsPerMessage: number };

const MB = 1048576;

function hold(decision: NoteDecision, reason: 'too-large' | 'attachment-blocked', line: string): Decision {
  return {
    kind: 'mail-center',
    reason,
    evidence: [...decision.evidence, line],
    candidates: [decision.requestId],
  };
}

/** `tooLarge`: only the headers were read, the whole message being over maxMessageBytes. */
export function checkLimits(
  decision: NoteDecision,
  message: MailMessage,
  input: { limits: MessageLimits; settings: Settings; tooLarge?: { bytes: number } },
): Decision {
  const { limits, tooLarge } = input;
  const total = tooLarge?.bytes ?? message.attachments.reduce((sum, a) => sum + a.size, 0);
  if (tooLarge) {
    return hold(
      decision,
      'too-large',
      `The email is ${Math.ceil(total / MB)} MB; the limit is ${Math.round(limits.maxMessageBytes / MB)} MB. Only its headers were read; the email stays in the mailbox.`,
    );
  }
  if (message.attachments.length > limits.maxAttachmentsPerMessage) {
    return hold(
      decision,
      'too-large',
      `The email has ${message.attachments.length} attachments; the limit is ${limits.maxAttachmentsPerMessage} per email.`,
    );
  }
  if (total > limits.maxMessageBytes) {
    return hold(
      decision,
      'too-large',
      `The attachments add up to ${Math.round(total / MB)} MB; the limit is ${Math.round(limits.maxMessageBytes / MB)} MB.`,
    );
  }
  return checkBlockedTypes(decision, message, input.settings);
}

/** The file-type part alone (reprocessing a Mail Center email, whose size was already judged when it arrived). */
export function checkBlockedTypes(
  decision: NoteDecision,
  message: MailMessage,
  settings: Settings,
): Decision {
  const blocked = blockedAttachments(message.attachments, settings.attachmentBlockList);
  if (blocked.length > 0 && settings.blockedAttachmentAction === 'mail-center')
    return hold(decision, 'attachment-blocked', `Blocked file types: ${blocked.join(', ')}.`);
  return decision;
}
