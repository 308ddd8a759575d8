import type { MailCenterReason } from '../domain/mail-center-item.js';
import type { MailMessage } from '../domain/mail-message.js';
import { formatSrNumber, isParticipant } from '../domain/service-request.js';
import type { Settings } from '../domain/settings.js';
import { findStatus } from '../domain/status.js';
import type { ServiceDeps } from '../services/deps.js';
import { classifyMessage, type ClassifyContext } from './classify.js';
import type { MatchReply } from './match-reply.js';

// classify -> match -> check (DESIGN.md §4): whether a message becomes a note on an SR, or which Mail Center reason
// holds it, with the evidence a person needs to decide.

export type Decision =
  | { kind: 'file'; requestId: number; signal: string; evidence: string[] }
  | { kind: 'hold'; reason: MailCenterReason; evidence: string[]; candidates: number[] };

const REASON_OF_CLASS = { bounce: 'bounce', 'auto-reply': 'auto-reply', own: 'own-mail', loop: 'loop', system: 'system' } as const;

export async function decide(
  deps: Pick<ServiceDeps, 'store'>,
  input: { message: MailMessage; settings: Settings; classify: ClassifyContext; match: MatchReply },
): Promise<Decision> {
  const { message, settings } = input;
  const classification = classifyMessage(message, input.classify);
  if (classification.class !== 'human') {
    return {
      kind: 'hold',
      reason: REASON_OF_CLASS[classification.class],
      evidence: classification.evidence.map((e) => `${e.signal}${e.detail ? `: ${e.detail}` : ''}`),
      candidates: [],
    };
  }
  const match = await input.match(message);
  if (match.kind === 'unmatched') return { kind: 'hold', reason: match.reason, evidence: match.evidence, candidates: match.candidates };

  const sr = await deps.store.read((tx) => tx.collection('requests').get(match.requestId));
  const hold = (reason: MailCenterReason, line: string): Decision => ({ kind: 'hold', reason, evidence: [...match.evidence, line], candidates: [match.requestId] });
  const number = formatSrNumber(match.requestId);
  if (!sr) return hold('sr-not-found', `${number} does not exist (any more).`);
  const sender = message.from.address;
  if (!isParticipant(sr, sender)) {
    // Participants-only holds every stranger; otherwise a stranger is trusted only on a signed signal (a colleague the
    // customer forwarded our email to), never on an SR number typed into a subject.
    if (settings.senderPolicy === 'participants-only' || !match.strong) {
      return hold('unknown-sender', `${sender || 'The sender'} is not the requester or a participant of ${number}.`);
    }
  }
  if (findStatus(settings.statuses, sr.status)?.isClosed && settings.closedPolicy === 'mail-center') {
    return hold('sr-closed', `${number} is ${sr.status}; replies to closed requests wait here (Administration > Service messaging).`);
  }
  return { kind: 'file', requestId: sr.id, signal: match.signal, evidence: match.evidence };
}
