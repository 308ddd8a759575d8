import { fillHtml, fillText, type PlaceholderContext } from '../domain/mail-placeholders.js';
import type { OutboundTrigger } from '../domain/outbound-email.js';
import { composeOutboundMessage, type OutboundMessage } from '../domain/outbound-message.js';
import { formatSrNumber, type ServiceRequest } from '../domain/service-request.js';
import type { ReadTransaction } from '../store/ports/store.js';
import { mailHtmlToText, sanitiseMailHtml } from './sanitise-mail-html.js';

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
  const context: PlaceholderContext = {
    sr: args.sr,
    desk: args.desk,
    lastNote: args.lastNote,
    srLink: args.publicUrl ? `${args.publicUrl.replace(/\/+$/, '')}/tab/#/requests/${formatSrNumber(args.sr.id)}` : undefined,
  };
  const bodyHtml = sanitiseMailHtml(fillHtml(args.content.bodyHtml, context));
  const message = composeOutboundMessage({
    srId: args.sr.id,
    token: args.token,
    replyText: args.content.replyText,
    subject: fillText(args.content.subject, context),
    bodyHtml,
    trigger: args.trigger,
    from: { address: args.desk.address },
  });
  return { ...message, bodyText: `${message.markerLine}\n\n${mailHtmlToText(bodyHtml)}` };
}

/**
 * The text #LAST_NOTE# stands for: the given note (a rule fired by it) when it is PUBLIC, else the newest PUBLIC
 * note. Internal notes never go out.
 */
export async function lastPublicNoteText(tx: ReadTransaction, requestId: number, noteId?: string): Promise<string | undefined> {
  const notes = (await tx.collection('notes').ofRequest(requestId)).filter((n) => n.typeCode === 'PUBLIC');
  const chosen = (noteId ? notes.find((n) => n.id === noteId) : undefined) ?? notes.at(-1);
  return chosen?.bodyText;
}
