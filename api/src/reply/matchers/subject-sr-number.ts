import { sameAddress } from '../../domain/mail-message.js';
import { formatSrNumber, parseSrRef } from '../../domain/service-request.js';
import type { Matcher } from './match-types.js';

// 4. "[SR-000123]" in the subject. Anyone can type it, so it counts only when the sender takes part in that SR; from
// anyone else it is still reported, as a hint: the agent sees the number and gets the SR suggested, nothing is filed.
const SUBJECT_REFERENCE = /\[\s*(SR-?\s?\d{1,9})\s*\]/i;

export const matchSubjectSrNumber: Matcher = async (message, context) => {
  const reference = SUBJECT_REFERENCE.exec(message.subject)?.[1];
  const requestId = reference ? parseSrRef(reference.replace(/\s/g, '')) : undefined;
  if (requestId === undefined) return undefined;
  const summary = await context.lookup.getRequestSummary(requestId);
  if (!summary) return undefined;
  const sender = message.from.address;
  const participates = [summary.requesterEmail, ...summary.participantEmails].some((address) =>
    sameAddress(address, sender),
  );
  const number = formatSrNumber(requestId);
  return participates
    ? {
        requestId,
        signal: 'subject-sr-number',
        confidence: 0.6,
        detail: `The subject names ${number} and ${sender} takes part in it.`,
      }
    : {
        hint: 'sender-not-on-sr',
        requestId,
        signal: 'subject-sr-number',
        detail: `The subject names ${number}, but ${sender || 'the sender'} is not its requester or a participant; a number in the subject alone does not file an email.`,
      };
};
