import { headerValue } from '../../domain/mail-message.js';
import { type Classifier, contentType, type Evidence, subjectCore } from './evidence.js';

// Mail from a system rather than a person answering: read and delivery receipts, meeting requests and responses,
// abuse feedback reports. They are recorded, never posted as notes.

const RECEIPT_SUBJECT =
  /^(?:read|gelesen|lu|leído|letto|gelezen|läst|læst|lest|przeczytano|przeczytana|luettu|прочитано|přečteno|lido|olvasott|okundu|已读|已讀|開封済み|읽음)\s*[:：]/iu;
const MEETING_SUBJECT =
  /^(?:accepted|declined|tentative|tentatively accepted|canceled|cancelled|angenommen|abgelehnt|mit vorbehalt angenommen|abgesagt|accepté|refusé|provisoire|annulé|aceptado|rechazado|provisional|cancelado|accettato|rifiutato|provvisorio|annullato|geaccepteerd|geweigerd|voorlopig|geannuleerd|accepterat|avböjt|preliminärt|inställt)\s*[:：]/iu;

export const detectSystemMessage: Classifier = (message) => {
  const evidence: Evidence[] = [];
  const type = contentType(headerValue(message, 'content-type'));
  const reportType = type.params['report-type'] ?? '';
  if (type.type === 'multipart/report' && /disposition-notification/.test(reportType)) {
    evidence.push({ class: 'system', signal: 'content-type:read-receipt', strength: 'strong' });
  }
  if (type.type === 'multipart/report' && /feedback-report/.test(reportType)) {
    evidence.push({ class: 'system', signal: 'content-type:feedback-report', strength: 'strong' });
  }
  if (message.attachments.some((a) => a.contentType === 'message/disposition-notification')) {
    evidence.push({ class: 'system', signal: 'part:disposition-notification', strength: 'strong' });
  }
  const messageClass = message.messageClass ?? '';
  if (
    /^report\.ipm\.note\.(?:ipnrn|ipnnrn|dr)\b/i.test(messageClass) ||
    /^ipm\.schedule\.meeting\./i.test(messageClass)
  ) {
    evidence.push({
      class: 'system',
      signal: 'message-class:system',
      strength: 'strong',
      detail: messageClass,
    });
  }
  const contentClass = headerValue(message, 'content-class') ?? '';
  const calendar = type.type === 'text/calendar' || /calendarmessage/i.test(contentClass);
  if (calendar) evidence.push({ class: 'system', signal: 'content-type:calendar', strength: 'strong' });
  if (!message.subject) return evidence;
  const subject = subjectCore(message.subject);
  if (!subject.replied && !subject.forwarded && RECEIPT_SUBJECT.test(subject.core)) {
    evidence.push({
      class: 'system',
      signal: 'subject:read-receipt',
      strength: 'supporting',
      detail: message.subject,
    });
  }
  if (!subject.replied && !subject.forwarded && MEETING_SUBJECT.test(subject.core)) {
    const hasCalendarPart = message.attachments.some(
      (a) => a.contentType === 'text/calendar' || a.name.toLowerCase().endsWith('.ics'),
    );
    evidence.push({
      class: 'system',
      signal: 'subject:meeting-response',
      strength: hasCalendarPart ? 'strong' : 'supporting',
      detail: message.subject,
    });
  }
  return evidence;
};
