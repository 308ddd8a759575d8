import type { EcIdDecoded } from '../../domain/ec-id.js';
import type { MailMessage } from '../../domain/mail-message.js';
import {
  rankSuggestions,
  type RankedSuggestion,
  type SuggestionSignal,
} from '../../domain/request-suggestion.js';
import { formatSrNumber, isParticipant, type ServiceRequest } from '../../domain/service-request.js';
import { findStatus } from '../../domain/status.js';
import { subjectSimilarity } from '../../domain/subject-words.js';
import type { ServiceDeps } from '../deps.js';
import { loadSettings } from '../settings/load-settings.js';
import { readEmailEvidence, type EmailEvidence } from './read-email-evidence.js';

export type RequestSuggestion = Omit<RankedSuggestion, 'requestId'> & {
  request: ServiceRequest;
  isClosed: boolean;
};

/** Below this, shared subject words are coincidence rather than evidence. */
const MIN_SUBJECT_SIMILARITY = 0.5;

function markerSignal(marker: EcIdDecoded): SuggestionSignal | undefined {
  if (marker.requestId === undefined) return undefined;
  const number = formatSrNumber(marker.requestId);
  switch (marker.status) {
    case 'valid':
      return { requestId: marker.requestId, code: 'marker-valid', text: `reply marker ${number} (intact)` };
    case 'damaged':
      return {
        requestId: marker.requestId,
        code: 'marker-damaged',
        text: `quoted marker ${number} (check failed)`,
      };
    case 'expired':
      return {
        requestId: marker.requestId,
        code: 'marker-foreign',
        text: `reply marker ${number} (signed with a retired key)`,
      };
    default:
      return {
        requestId: marker.requestId,
        code: 'marker-foreign',
        text: `reply marker ${number} (not signed by this desk)`,
      };
  }
}

function evidenceSignals(evidence: EmailEvidence): SuggestionSignal[] {
  return [
    ...evidence.markers.flatMap((m) => markerSignal(m) ?? []),
    ...evidence.answers.map((a) => ({
      requestId: a.requestId,
      code: 'our-message-id' as const,
      text: `answers our email about ${formatSrNumber(a.requestId)} (our Message-ID in ${a.header})`,
    })),
    ...evidence.conversation.map((o) => ({
      requestId: o.requestId,
      code: 'conversation' as const,
      text: `same Outlook conversation as our email about ${formatSrNumber(o.requestId)}`,
    })),
    ...evidence.subjectSrIds.map((requestId) => ({
      requestId,
      code: 'subject-number' as const,
      text: `${formatSrNumber(requestId)} in the subject`,
    })),
  ];
}

/** SRs this email may belong to, best first, each with the evidence in words (the add-in shows them). */
export async function suggestRequests(deps: ServiceDeps, message: MailMessage): Promise<RequestSuggestion[]> {
  return deps.store.read(async (tx) => {
    const evidence = await readEmailEvidence(deps, tx, message);
    const { statuses } = await loadSettings(tx);
    const isClosed = (sr: ServiceRequest) => findStatus(statuses, sr.status)?.isClosed ?? false;
    const openRequests = await tx
      .collection('requests')
      .withStatusIn(statuses.filter((s) => !s.isClosed).map((s) => s.name));
    const sender = message.from.address.trim().toLowerCase();

    const signals = evidenceSignals(evidence);
    for (const sr of openRequests) {
      if (sender && isParticipant(sr, sender)) {
        signals.push({
          requestId: sr.id,
          code: 'sender-open-sr',
          text:
            sr.requester.email.toLowerCase() === sender
              ? "sender's open SR"
              : 'open SR the sender takes part in',
        });
      }
      const similarity = subjectSimilarity(message.subject, sr.title);
      if (similarity >= MIN_SUBJECT_SIMILARITY) {
        signals.push({
          requestId: sr.id,
          code: 'subject-similar',
          text: `subject resembles "${sr.title}"`,
          strength: similarity,
        });
      }
    }

    const byId = new Map(openRequests.map((sr) => [sr.id, sr]));
    // The evidence may name a closed SR; those are read one by one.
    for (const requestId of new Set(signals.map((s) => s.requestId))) {
      const sr = byId.has(requestId) ? undefined : await tx.collection('requests').get(requestId);
      if (sr) byId.set(requestId, sr);
    }
    return rankSuggestions(signals.filter((s) => byId.has(s.requestId))).flatMap(
      ({ requestId, ...ranked }) => {
        const request = byId.get(requestId);
        return request ? [{ ...ranked, request, isClosed: isClosed(request) }] : [];
      },
    );
  });
}
