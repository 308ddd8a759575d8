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

export type RequestSuggestion = Omit<RankedSuggestion, 'srId'> & {
  request: ServiceRequest;
  isClosed: boolean;
};

/** Below this, shared subject words are coincidence rather than evidence. */
const MIN_SUBJECT_SIMILARITY = 0.5;

function markerSignal(marker: EcIdDecoded): SuggestionSignal | undefined {
  if (marker.srId === undefined) return undefined;
  const number = formatSrNumber(marker.srId);
  switch (marker.status) {
    case 'valid':
      return { srId: marker.srId, code: 'marker-valid', text: `reply marker ${number} (intact)` };
    case 'damaged':
      return { srId: marker.srId, code: 'marker-damaged', text: `quoted marker ${number} (check failed)` };
    case 'expired':
      return {
        srId: marker.srId,
        code: 'marker-foreign',
        text: `reply marker ${number} (signed with a retired key)`,
      };
    default:
      return {
        srId: marker.srId,
        code: 'marker-foreign',
        text: `reply marker ${number} (not signed by this desk)`,
      };
  }
}

function evidenceSignals(evidence: EmailEvidence): SuggestionSignal[] {
  return [
    ...evidence.markers.flatMap((m) => markerSignal(m) ?? []),
    ...evidence.answers.map((a) => ({
      srId: a.srId,
      code: 'our-message-id' as const,
      text: `answers our email about ${formatSrNumber(a.srId)} (our Message-ID in ${a.header})`,
    })),
    ...evidence.conversation.map((o) => ({
      srId: o.requestId,
      code: 'conversation' as const,
      text: `same Outlook conversation as our email about ${formatSrNumber(o.requestId)}`,
    })),
    ...evidence.subjectSrIds.map((srId) => ({
      srId,
      code: 'subject-number' as const,
      text: `${formatSrNumber(srId)} in the subject`,
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
          srId: sr.id,
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
          srId: sr.id,
          code: 'subject-similar',
          text: `subject resembles "${sr.title}"`,
          strength: similarity,
        });
      }
    }

    const byId = new Map(openRequests.map((sr) => [sr.id, sr]));
    // The evidence may name a closed SR; those are read one by one.
    for (const srId of new Set(signals.map((s) => s.srId))) {
      const sr = byId.has(srId) ? undefined : await tx.collection('requests').get(srId);
      if (sr) byId.set(srId, sr);
    }
    return rankSuggestions(signals.filter((s) => byId.has(s.srId))).flatMap(({ srId, ...ranked }) => {
      const request = byId.get(srId);
      return request ? [{ ...ranked, request, isClosed: isClosed(request) }] : [];
    });
  });
}
