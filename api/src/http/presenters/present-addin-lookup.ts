import type { TAddinFiling, TAddinLookup } from '../../contract/addin.js';
import type { MailCenterReason } from '../../domain/mail-center-item.js';
import type { Note } from '../../domain/note.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import type { EmailStanding } from '../../services/filing/lookup-email.js';

const REASONS: Record<MailCenterReason, string> = {
  'no-marker': 'Nothing tied it to an SR: no reply marker, and none of our Message-IDs in its headers.',
  'token-invalid':
    'Its reply marker was damaged or not made by this desk, so it was not filed automatically.',
  'conflicting-signals': 'Its marker and its headers point at different SRs.',
  'unknown-sender': 'The sender is not a participant of the SR it points at.',
  'sender-not-authenticated':
    'Only a weak signal ties it to an SR, and the mail server could not confirm the sender is who the From: line says.',
  'sr-closed': 'It answers a closed SR.',
  'sr-not-found': 'It points at an SR that does not exist.',
  'auto-reply': 'It is an automatic reply (out of office or similar).',
  bounce: 'It is a delivery failure report.',
  'own-mail': 'It is mail the desk sent itself.',
  loop: 'It is one of too many emails from this sender in a short time (a mail loop).',
  system: 'It is a system message (a read receipt or a meeting message).',
  'too-large': 'It is larger than the desk accepts.',
  'too-complex': 'Its body took longer to read than the desk allows for one email.',
  'attachment-blocked': 'It carries an attachment type the desk blocks.',
  'processing-failed': 'Processing it failed; the engine retries it.',
};

/** Where the tab shows the SR (its hash route); relative, since the tab is served by the API's origin. */
export const requestUrl = (requestId: number): string => `/tab/#/requests/${formatSrNumber(requestId)}`;

export function presentFiling(request: ServiceRequest, note: Note, filedBy: string): TAddinFiling {
  return {
    requestId: request.id,
    number: formatSrNumber(request.id),
    title: request.title,
    status: request.status,
    noteId: note.id,
    filedAt: note.createdAt,
    filedBy,
    source: note.source,
    noteUrl: requestUrl(request.id),
  };
}

function unknownSummary(standing: EmailStanding): string {
  const { markers, answers } = standing.evidence;
  const intact = markers.find((m) => m.status === 'valid');
  if (intact?.requestId !== undefined || answers[0]) {
    const requestId = intact?.requestId ?? answers[0]?.requestId ?? 0;
    return `It belongs to ${formatSrNumber(requestId)} but is not filed there yet; the mail engine may not have read it.`;
  }
  const damaged = markers.find((m) => m.status === 'damaged' && m.requestId !== undefined);
  if (damaged?.requestId !== undefined)
    return `Its reply marker for ${formatSrNumber(damaged.requestId)} was damaged, so it could not be filed automatically.`;
  if (markers.length > 0)
    return 'Its reply marker was not made by this desk, so it could not be filed automatically.';
  return 'Nothing ties it to an SR: no reply marker, and none of our Message-IDs in its headers.';
}

export function presentAddinLookup(standing: EmailStanding): TAddinLookup {
  const item = standing.mailCenterItem;
  const filings = standing.filings.map((f) => presentFiling(f.request, f.note, f.filedBy));
  const state = filings.length > 0 ? 'filed' : item ? 'mail-center' : 'unknown';
  const summary =
    state === 'filed'
      ? `Filed on ${filings.map((f) => f.number).join(', ')}.`
      : item
        ? `In the Mail Center: ${REASONS[item.reason]}`
        : unknownSummary(standing);
  return {
    state,
    summary,
    filings,
    ...(item
      ? {
          mailCenter: {
            itemId: item.id,
            reason: item.reason,
            reasonText: REASONS[item.reason],
            evidence: item.evidence,
            state: item.state,
          },
        }
      : {}),
    markers: standing.evidence.markers.map((m) => ({
      status: m.status,
      ...(m.requestId !== undefined ? { number: formatSrNumber(m.requestId) } : {}),
      token: m.token,
    })),
  };
}
