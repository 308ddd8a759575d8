import type { MailHeader } from './mail-message.js';
import type { OutboundTrigger } from './outbound-email.js';
import { escapeHtml } from './mail-placeholders.js';
import { formatOwnMessageId, renderHiddenTokenHtml, renderReplyMarker } from './reply-marker.js';
import { formatSrNumber } from './service-request.js';

// What an outbound email looks like on the wire: the reply text line on top with the EC_ID token, the hidden copy of
// the token, the body, `[SR-000123]` in the subject, and our own Message-ID carrying the token (docs/mail-clients.md
// §4: three places, so a reply that loses one is still matched).

export const MAX_SUBJECT_LENGTH = 255;
/** Graph's upload sessions stop at 150 MB (docs/graph-behaviour.md §4.3), as does Exchange Online's largest message. */
export const MAX_EMAIL_ATTACHMENT_BYTES = 150 * 1024 * 1024;
export const MAX_EMAIL_RECIPIENTS = 50;

export type OutboundMessageInput = {
  requestId: number;
  token: string;
  /** The template's reply text line, still with #EC_ID#. */
  replyText: string;
  /** Filled and sanitised. */
  subject: string;
  bodyHtml: string;
  trigger: OutboundTrigger;
  from: { address: string };
};

export type OutboundMessage = {
  subject: string;
  bodyHtml: string;
  markerLine: string;
  internetMessageId: string;
  headers: MailHeader[];
};

export function composeOutboundMessage(input: OutboundMessageInput): OutboundMessage {
  const marker = renderReplyMarker(input.replyText, input.token);
  const bodyHtml =
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>' +
    `<div class="sm-reply-marker" style="color:#8a8886;font-size:11px;font-family:Segoe UI,Arial,sans-serif">${escapeHtml(marker)}</div>` +
    renderHiddenTokenHtml(input.token) +
    `<div class="sm-body">${input.bodyHtml}</div>` +
    '</body></html>';
  const domain = input.from.address.slice(input.from.address.lastIndexOf('@') + 1).toLowerCase();
  return {
    subject: subjectWithSrNumber(input.subject, input.requestId),
    bodyHtml,
    markerLine: marker,
    internetMessageId: formatOwnMessageId(input.token, domain),
    headers: outboundHeaders({ token: input.token, trigger: input.trigger, fromAddress: input.from.address }),
  };
}

/** The subject with `[SR-000123]` at the end (added when the template did not put it there), within Graph's length. */
export function subjectWithSrNumber(subject: string, requestId: number): string {
  const tag = `[${formatSrNumber(requestId)}]`;
  const text = subject.replace(/\s+/g, ' ').trim();
  if (text.toUpperCase().includes(tag) && text.length <= MAX_SUBJECT_LENGTH) return text;
  const room = MAX_SUBJECT_LENGTH - tag.length - 1;
  const head = text.length > room ? `${text.slice(0, room - 1).trimEnd()}…` : text;
  return head ? `${head} ${tag}` : tag;
}

// Graph takes only x- headers (docs/graph-behaviour.md §4.2, C12), so Auto-Submitted and Precedence cannot be set. What can:
// X-Auto-Response-Suppress asks Exchange and Outlook not to answer with out-of-office or auto-replies (delivery
// reports still come back, so bounces reach the engine); X-Loop names our mailbox, so an autoresponder that
// copies headers back is recognised as a loop; X-SM-Ref carries the token for own-mail detection and support.
export function outboundHeaders(email: {
  token: string;
  trigger: OutboundTrigger;
  fromAddress: string;
}): MailHeader[] {
  return [
    { name: 'X-Auto-Response-Suppress', value: 'OOF, AutoReply' },
    { name: 'X-Loop', value: email.fromAddress.toLowerCase() },
    { name: 'X-SM-Ref', value: email.token },
    { name: 'X-SM-Trigger', value: email.trigger },
  ];
}
