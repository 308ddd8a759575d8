import { fillHtml, fillText, type PlaceholderContext } from '../../domain/mail-placeholders.js';
import type { OutboundTrigger } from '../../domain/outbound-email.js';
import { composeOutboundMessage, type OutboundMessage } from '../../domain/outbound-message.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import type { ReadTransaction } from '../../ports/store.js';
import { mailHtmlToText, sanitiseMailHtml } from '../templates/sanitise-mail-html.js';

/** What is sent, before placeholders: a template's, or an agent's own text (which still gets the reply line). */
export type EmailContent = { subject: string; bodyHtml: string; replyText: string };

export type ComposeEmailArgs = {
  sr: ServiceRequest;
  content: EmailContent;
  token: string;
  trigger: OutboundTrigger;
  desk: { name: string; address: string };
  lastNote?: string;
  publicUrl?: string;
};

export type ComposedEmail = OutboundMessage & { bodyText: string };

/**
 * Fills the placeholders (values escaped), sanitises the result again (a value cannot smuggle markup in, and a
 * placeholder in a link cannot make it javascript:), then frames it with the reply line and the hidden token.
 */
export function composeEmail(args: ComposeEmailArgs): ComposedEmail {
  const context = placeholderContext(args);
  const bodyHtml = fillBodyHtml(args.content.bodyHtml, context);
  const message = composeOutboundMessage({
    requestId: args.sr.id,
    token: args.token,
    replyText: args.content.replyText,
    subject: fillText(args.content.subject, context),
    bodyHtml,
    trigger: args.trigger,
    from: { address: args.desk.address },
  });
  return { ...message, bodyText: `${message.markerLine}\n\n${mailHtmlToText(bodyHtml)}` };
}

/** What the placeholders of an email from this SR stand for. */
export function placeholderContext(
  args: Pick<ComposeEmailArgs, 'sr' | 'desk' | 'lastNote' | 'publicUrl'>,
): PlaceholderContext {
  return {
    sr: args.sr,
    desk: args.desk,
    lastNote: args.lastNote,
    srLink: args.publicUrl
      ? `${args.publicUrl.replace(/\/+$/, '')}/tab/#/requests/${formatSrNumber(args.sr.id)}`
      : undefined,
  };
}

/** An email body with its placeholders filled, sanitised again after filling. */
export function fillBodyHtml(bodyHtml: string, context: PlaceholderContext): string {
  return sanitiseMailHtml(fillHtml(bodyHtml, context));
}

/**
 * The text #LAST_NOTE# stands for: the last PUBLIC note an agent wrote (the given one, when a rule was fired by it).
 * Never a customer's own email (answering a customer with their own words is the mistake this prevents), and never
 * an internal note.
 */
export async function lastAgentNoteText(
  tx: ReadTransaction,
  requestId: number,
  noteId?: string,
): Promise<string | undefined> {
  const notes = (await tx.collection('notes').ofRequest(requestId)).filter(
    (n) => n.typeCode === 'PUBLIC' && n.source === 'agent',
  );
  const chosen = (noteId ? notes.find((n) => n.id === noteId) : undefined) ?? notes.at(-1);
  return chosen?.bodyText;
}
