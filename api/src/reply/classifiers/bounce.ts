import { hasHeader, headerValue } from '../../domain/mail-message.js';
import { allOf, fold, phrasePattern } from '../languages/vocabulary.js';
import {
  type Classifier,
  contentType,
  type Evidence,
  localPart,
  signalText,
  subjectCore,
} from './evidence.js';

// Non-delivery reports, from what the message is made of: its report structure (RFC 3464/6522), the headers mail
// systems add, who sent it (a mail system, a list manager), its subject in any language of the table, and an attached
// copy of the original. They must be caught before matching: Exchange NDRs carry In-Reply-To/References pointing at
// our outbound mail, so a header matcher would post them on the SR as if the customer had answered.

const DAEMON_LOCAL_PART =
  /^(?:mailer-daemon|mailer_daemon|mail-daemon|maildaemon|postmaster|post_master|mail\.?delivery(?:system|subsystem)?|microsoftexchange[0-9a-f]{32}|double-bounce|bounces?|mdaemon|mail-?admin)$/;
const DAEMON_NAME =
  /\b(?:mail delivery (?:system|subsystem|service)|mailer-daemon|mail administrator|postmaster|delivery status notification|mail system|microsoft outlook)\b/i;
// Mailing-list managers answer a post they refuse (not a member, a loop, too large) from their own addresses.
const LIST_MANAGER_LOCAL_PART =
  /^(?:owner-[\w.+-]+|[\w.+-]+-(?:owner|admin|request|bounces?)|majordomo|listserv|listproc|mailman|ezmlm|fml|listmaster|sympa)$/;
const BOUNCE_SUBJECT = phrasePattern(allOf('bounceSubjects'));
const REPORT_PART = /^message\/(?:global-)?delivery-status$/;
const ORIGINAL_PART = /^(?:message\/(?:rfc822|global)|text\/(?:rfc822-headers|global-headers))$/;
// Amazon SES relays bounces as a JSON notification instead of a DSN (the JSON may itself be escaped in an SNS envelope).
const SES_BOUNCE = /notificationType\\?"\s*:\s*\\?"Bounce\\?"/;

function structure(message: Parameters<Classifier>[0]): Evidence[] {
  const evidence: Evidence[] = [];
  const type = contentType(headerValue(message, 'content-type'));
  if (type.type === 'multipart/report' && /delivery-status/.test(type.params['report-type'] ?? '')) {
    evidence.push({ class: 'bounce', signal: 'content-type:delivery-status-report', strength: 'strong' });
  }
  if (REPORT_PART.test(type.type))
    evidence.push({ class: 'bounce', signal: 'content-type:delivery-status', strength: 'strong' });
  if (message.attachments.some((a) => REPORT_PART.test(a.contentType))) {
    evidence.push({ class: 'bounce', signal: 'part:delivery-status', strength: 'strong' });
  }
  const original = message.attachments.find((a) => ORIGINAL_PART.test(a.contentType));
  if (original)
    evidence.push({
      class: 'bounce',
      signal: 'part:attached-original',
      strength: 'supporting',
      detail: original.contentType,
    });
  if (/^report\.ipm\.note\.ndr/i.test(message.messageClass ?? '')) {
    evidence.push({
      class: 'bounce',
      signal: 'message-class:ndr',
      strength: 'strong',
      detail: message.messageClass,
    });
  }
  const text = signalText(message);
  if (text.includes('bounceType') && SES_BOUNCE.test(text)) {
    evidence.push({ class: 'bounce', signal: 'content:ses-bounce-notification', strength: 'strong' });
  }
  return evidence;
}

export const detectBounce: Classifier = (message) => {
  const evidence = structure(message);
  if (hasHeader(message, 'x-ms-exchange-message-is-ndr')) {
    evidence.push({ class: 'bounce', signal: 'header:x-ms-exchange-message-is-ndr', strength: 'strong' });
  }
  if (hasHeader(message, 'x-failed-recipients')) {
    evidence.push({ class: 'bounce', signal: 'header:x-failed-recipients', strength: 'strong' });
  }
  if (/^<\s*>$/.test(headerValue(message, 'return-path')?.trim() ?? '')) {
    evidence.push({ class: 'bounce', signal: 'header:null-return-path', strength: 'supporting' });
  }
  const { address, name } = message.from;
  if ((address && DAEMON_LOCAL_PART.test(localPart(address))) || (name && DAEMON_NAME.test(name))) {
    evidence.push({
      class: 'bounce',
      signal: 'from:mail-system',
      strength: 'supporting',
      detail: address || name,
    });
  } else if (address && LIST_MANAGER_LOCAL_PART.test(localPart(address))) {
    evidence.push({ class: 'bounce', signal: 'from:list-manager', strength: 'supporting', detail: address });
  }
  const subject = subjectCore(message.subject);
  const bounceWords = subject.core && !subject.forwarded ? BOUNCE_SUBJECT.exec(fold(subject.core)) : null;
  if (bounceWords)
    evidence.push({
      class: 'bounce',
      signal: 'subject:bounce',
      strength: 'supporting',
      detail: message.subject,
    });
  return evidence;
};
