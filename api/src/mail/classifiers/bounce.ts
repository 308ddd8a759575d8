import { hasHeader, headerValue } from '../../domain/mail-message.js';
import { type Classifier, contentType, type Evidence, localPart, signalText, subjectCore } from './evidence.js';

// Non-delivery reports. They must be caught before matching: Exchange NDRs carry In-Reply-To/References pointing at
// our outbound mail, so a header matcher would post them on the SR as if the customer had answered.

const DAEMON_LOCAL_PART = /^(?:mailer-daemon|mailer_daemon|mail-daemon|maildaemon|postmaster|post_master|mail\.?delivery(?:system|subsystem)?|microsoftexchange[0-9a-f]{32}|double-bounce|bounces?|mdaemon|mail-?admin)$/;
const DAEMON_NAME = /\b(?:mail delivery (?:system|subsystem|service)|mailer-daemon|mail administrator|postmaster|delivery status notification|mail system|microsoft outlook)\b/i;
const BOUNCE_SUBJECT = /(?<![\p{L}\p{N}])(?:undeliverable|undelivered|undeliverable mail|delivery status notification|delivery (?:status|failure|failed|notification|problem|report)|returned mail|mail delivery (?:failed|failure)|failure notice|failed delivery|non[- ]?delivery|nondeliverable|message not delivered|mail system error|could not send (?:your )?message|mail could not be delivered|returned to sender|unzustellbar|nicht zustellbar|non remis|non distribuable|no se puede entregar|no entregado|non recapitabile|onbestelbaar|olevererbar|ikke leveret|kan ikke leveres|niedostarczalne|не доставлено|недоставленное)(?![\p{L}\p{N}])/iu;
const NDR_TEXT = /delivery has failed to these recipients|(?:could ?n[o']t|cannot|can'?t|was ?n[o']t|wasn't|has not been|couldn'?t) be(?:en)? delivered|undeliverable|undelivered|permanent(?: fatal)? errors?|this is the mail system at host|mail delivery (?:failed|subsystem|system)|returned mail|(?:user|recipient|address) (?:unknown|not found|rejected)|unknown (?:user|recipient)|no such (?:user|recipient|mailbox)|mailbox (?:unavailable|full|not found|is full|does not exist|quota)|recipient address rejected|host (?:or domain name )?not found|diagnostic-code\s*:|final-recipient\s*:|remote-mta\s*:|action\s*:\s*failed|status\s*:\s*[45]\.\d{1,3}\.\d{1,3}|\b[45]\.\d\.\d{1,2}\b|\b55[0-4][ -]|smtp error|retry time(?:out)? exceeded|delivery attempts? (?:failed|will continue)|message (?:was )?(?:rejected|bounced)|nicht zugestellt|unzustellbar|non remis|no se pudo entregar|non (?:è stato possibile|e' stato possibile) recapitare|kon niet worden bezorgd|kunde inte levereras|error (?:delivering|sending) (?:your )?(?:mail|message)|(?:dns|host) (?:lookup )?(?:failure|error)/i;
// Amazon SES relays bounces as a JSON notification instead of a DSN.
// (the JSON may itself be escaped inside an SNS envelope).
const SES_BOUNCE = /notificationType\\?"\s*:\s*\\?"Bounce\\?"/;

export const detectBounce: Classifier = (message) => {
  const evidence: Evidence[] = [];
  const type = contentType(headerValue(message, 'content-type'));
  if (type.type === 'multipart/report' && /delivery-status/.test(type.params['report-type'] ?? '')) {
    evidence.push({ class: 'bounce', signal: 'content-type:delivery-status-report', strength: 'strong' });
  }
  if (message.attachments.some((a) => /^message\/(?:global-)?delivery-status$/.test(a.contentType))) {
    evidence.push({ class: 'bounce', signal: 'part:delivery-status', strength: 'strong' });
  }
  if (hasHeader(message, 'x-ms-exchange-message-is-ndr')) {
    evidence.push({ class: 'bounce', signal: 'header:x-ms-exchange-message-is-ndr', strength: 'strong' });
  }
  if (hasHeader(message, 'x-failed-recipients')) {
    evidence.push({ class: 'bounce', signal: 'header:x-failed-recipients', strength: 'strong' });
  }
  if (/^report\.ipm\.note\.ndr/i.test(message.messageClass ?? '')) {
    evidence.push({ class: 'bounce', signal: 'message-class:ndr', strength: 'strong', detail: message.messageClass });
  }
  const from = message.from;
  if ((from.address && DAEMON_LOCAL_PART.test(localPart(from.address))) || (from.name && DAEMON_NAME.test(from.name))) {
    evidence.push({ class: 'bounce', signal: 'from:mail-system', strength: 'supporting', detail: message.from.address });
  }
  const subject = subjectCore(message.subject);
  if (subject.core && !subject.forwarded && BOUNCE_SUBJECT.test(subject.core)) {
    evidence.push({ class: 'bounce', signal: 'subject:bounce', strength: 'supporting', detail: message.subject });
  }
  if (/^<\s*>$/.test(headerValue(message, 'return-path')?.trim() ?? '')) {
    evidence.push({ class: 'bounce', signal: 'header:null-return-path', strength: 'supporting' });
  }
  const text = signalText(message);
  if (text.includes('bounceType') && SES_BOUNCE.test(text)) {
    evidence.push({ class: 'bounce', signal: 'content:ses-bounce-notification', strength: 'strong' });
  }
  // Wording alone never decides (people quote bounces); it only backs another signal, so skip it when there is none.
  if (evidence.length > 0 && !subject.forwarded) {
    const ndr = NDR_TEXT.exec(text);
    if (ndr) evidence.push({ class: 'bounce', signal: 'content:ndr-wording', strength: 'supporting', detail: ndr[0] });
  }
  return evidence;
};
