import { decodeEcId } from '../domain/ec-id.js';
import { findEcIdCandidates, isCompleteEcIdShape } from '../domain/ec-id-scan.js';
import { headerValue, normaliseMessageId, parseMessageIdList, type MailMessage } from '../domain/mail-message.js';
import { parseOwnMessageId } from '../domain/reply-marker.js';
import { parseSrRef } from '../domain/service-request.js';
import type { ServiceDeps } from '../services/deps.js';
import { signalText, subjectCore } from './classifiers/evidence.js';

// Which SR a reply belongs to, as the engine needs it: one SR and the signal, or why not. Strong signals are ours and
// signed: the EC_ID token in the body and our Message-ID in In-Reply-To/References. The SR number in the subject is
// weak: anyone can type it.

export type MatchVerdict =
  | { kind: 'matched'; requestId: number; signal: string; strong: boolean; evidence: string[] }
  | { kind: 'unmatched'; reason: 'no-marker' | 'token-invalid' | 'conflicting-signals'; evidence: string[]; candidates: number[] };

export type MatchReply = (message: MailMessage) => Promise<MatchVerdict>;

type Signal = { requestId: number; signal: string; strong: boolean; detail: string };

export function createMatchReply(deps: Pick<ServiceDeps, 'store' | 'ecIdKeyring' | 'clock'>): MatchReply {
  return async (message) => {
    const now = deps.clock();
    const evidence: string[] = [];
    const signals: Signal[] = [];
    let invalidToken: number | undefined;

    for (const candidate of findEcIdCandidates(signalText(message), 5)) {
      if (!isCompleteEcIdShape(candidate)) {
        evidence.push(`A damaged reference "${candidate}" is in the text.`);
        invalidToken ??= decodeEcId(candidate, deps.ecIdKeyring, now).srId ?? 0;
        continue;
      }
      const decoded = decodeEcId(candidate, deps.ecIdKeyring, now);
      if (decoded.status === 'valid') {
        signals.push({ requestId: decoded.srId, signal: 'ec-id', strong: true, detail: `The reference ${decoded.token} in the text is valid.` });
        break;
      }
      evidence.push(`The reference ${decoded.token} in the text is ${decoded.status}.`);
      invalidToken ??= 'srId' in decoded && decoded.srId !== undefined ? decoded.srId : 0;
    }

    const replyTo = [...parseMessageIdList(headerValue(message, 'in-reply-to')), ...parseMessageIdList(headerValue(message, 'references'))];
    for (const id of replyTo) {
      const own = parseOwnMessageId(id);
      if (!own) continue;
      const decoded = decodeEcId(own.token, deps.ecIdKeyring, now);
      if (decoded.status === 'valid') {
        signals.push({ requestId: decoded.srId, signal: 'message-id', strong: true, detail: `It answers our email <${id}>.` });
        break;
      }
    }
    if (!signals.some((s) => s.signal === 'message-id') && replyTo.length > 0) {
      const ids = new Set(replyTo.map(normaliseMessageId));
      const sent = await deps.store.read((tx) => tx.collection('outboundEmails').findOne((o) => ids.has(normaliseMessageId(o.internetMessageId))));
      if (sent) signals.push({ requestId: sent.requestId, signal: 'in-reply-to', strong: true, detail: `It answers our email <${sent.internetMessageId}>.` });
    }

    const subjectRef = /\bSR-?\d{1,9}\b/i.exec(subjectCore(message.subject).core)?.[0];
    const subjectId = subjectRef ? parseSrRef(subjectRef) : undefined;
    if (subjectId !== undefined) signals.push({ requestId: subjectId, signal: 'subject', strong: false, detail: `The subject names ${subjectRef}.` });

    evidence.push(...signals.map((s) => s.detail));
    const strong = signals.filter((s) => s.strong);
    const strongIds = [...new Set(strong.map((s) => s.requestId))];
    const candidates = [...new Set([...signals.map((s) => s.requestId), ...(invalidToken ? [invalidToken] : [])])];
    if (strongIds.length > 1) return { kind: 'unmatched', reason: 'conflicting-signals', evidence, candidates };
    const best = strong[0];
    if (best) return { kind: 'matched', requestId: best.requestId, signal: best.signal, strong: true, evidence };
    if (invalidToken !== undefined) return { kind: 'unmatched', reason: 'token-invalid', evidence, candidates };
    const weak = signals[0];
    if (weak) return { kind: 'matched', requestId: weak.requestId, signal: weak.signal, strong: false, evidence };
    return { kind: 'unmatched', reason: 'no-marker', evidence: [...evidence, 'No reference to a Service Request was found.'], candidates };
  };
}
