import type { MailCenterReason } from '../domain/mail-center-item.js';
import { sameAddress, type MailMessage } from '../domain/mail-message.js';
import { formatSrNumber } from '../domain/service-request.js';
import type { Classification } from './classify.js';
import { matchBodyToken } from './matchers/body-token.js';
import { matchConversationId } from './matchers/conversation-id.js';
import { matchHiddenHtmlToken } from './matchers/hidden-html-token.js';
import {
  isHint,
  isProblem,
  type Match,
  type MatchHint,
  type Matcher,
  type MatchProblem,
  SIGNED_SIGNALS,
} from './matchers/match-types.js';
import { matchMessageIdHeaders } from './matchers/message-id-headers.js';
import { matchSubjectSrNumber } from './matchers/subject-sr-number.js';
import type { MatchContext } from './matchers/match-lookup.js';
import type { SenderAuthenticity } from './sender-authenticity.js';

export type { Match, MatchHint, MatchProblem, MatchSignal } from './matchers/match-types.js';

// Which SR a human reply belongs to. Every matcher runs, so that two signals naming different SRs are seen as a
// conflict; a token that fails its check, a closed SR under a "no reopen" policy or a stranger under a "review" policy
// send the email to the Mail Center with a reason. Never a guessed SR.

/** In order of trust (docs/architecture.md §9.3: an ordered list of small matchers). */
export const MATCHERS: readonly Matcher[] = [
  matchBodyToken,
  matchMessageIdHeaders,
  matchHiddenHtmlToken,
  matchConversationId,
  matchSubjectSrNumber,
];

export type MatchPolicy = {
  /** A sender who is neither requester nor participant: file the reply ('accept', signed signals only) or hold it. */
  unknownSender: 'accept' | 'review';
  /** A reply to a closed SR: reopen it, or hold it in the Mail Center. */
  closedSr: 'reopen' | 'mail-center';
};

// Every reason but those found while reading the email rather than routing it.
export type RouteReason = Exclude<
  MailCenterReason,
  'too-large' | 'too-complex' | 'attachment-blocked' | 'processing-failed'
>;

export type RouteDecision =
  | {
      kind: 'note';
      requestId: number;
      signal: Match['signal'];
      confidence: number;
      reopen: boolean;
      evidence: string[];
    }
  | { kind: 'mail-center'; reason: RouteReason; evidence: string[]; candidates: number[] };

const REASON_OF_CLASS = {
  bounce: 'bounce',
  'auto-reply': 'auto-reply',
  own: 'own-mail',
  loop: 'loop',
  system: 'system',
} as const;

export async function runMatchers(
  message: MailMessage,
  context: MatchContext,
): Promise<{ matches: Match[]; problems: MatchProblem[]; hints: MatchHint[] }> {
  const matches: Match[] = [];
  const problems: MatchProblem[] = [];
  const hints: MatchHint[] = [];
  for (const matcher of MATCHERS) {
    const result = await matcher(message, context);
    if (!result) continue;
    if (isProblem(result)) problems.push(result);
    else if (isHint(result)) hints.push(result);
    else matches.push(result);
  }
  return { matches, problems, hints };
}

/** A damaged token is excused only when a signed signal names the SR its visible number shows. */
function untrusted(problems: readonly MatchProblem[], matches: readonly Match[]): MatchProblem | undefined {
  return problems.find(
    (p) =>
      p.problem !== 'token-damaged' ||
      p.requestHint === undefined ||
      !matches.some((m) => SIGNED_SIGNALS.has(m.signal) && m.requestId === p.requestHint),
  );
}

/**
 * `authenticity` is what the receiving server said of the From: address (sender-authenticity.ts): a weak signal files
 * only for an authenticated sender, a signed one files either way (the token is the secret) and carries the verdict.
 */
export async function decideRoute(
  message: MailMessage,
  classification: Classification,
  context: MatchContext,
  policy: MatchPolicy,
  authenticity?: SenderAuthenticity,
): Promise<RouteDecision> {
  if (classification.class !== 'human') {
    return {
      kind: 'mail-center',
      reason: REASON_OF_CLASS[classification.class],
      evidence: classification.evidence.map((e) => `${e.signal}${e.detail ? `: ${e.detail}` : ''}`),
      candidates: [],
    };
  }
  const { matches, problems, hints } = await runMatchers(message, context);
  const evidence = [
    ...problems.map((p) => p.detail),
    ...matches.map((m) => m.detail),
    ...hints.map((h) => h.detail),
  ];
  const candidates = [
    ...new Set([
      ...matches.map((m) => m.requestId),
      ...problems.flatMap((p) => (p.requestHint === undefined ? [] : [p.requestHint])),
      ...hints.map((h) => h.requestId),
    ]),
  ];
  const hold = (reason: RouteReason, line?: string): RouteDecision => ({
    kind: 'mail-center',
    reason,
    evidence: line ? [...evidence, line] : evidence,
    candidates,
  });

  if (untrusted(problems, matches)) return hold('token-invalid');
  const requestIds = [...new Set(matches.map((m) => m.requestId))];
  if (requestIds.length > 1)
    return hold(
      'conflicting-signals',
      `The signals name different requests: ${requestIds.map(formatSrNumber).join(', ')}.`,
    );
  const best = [...matches].sort((a, b) => b.confidence - a.confidence)[0];
  // Only hints: an SR was named, by someone who is not on it (their detail says so). Held under either sender policy.
  if (!best)
    return hints.length > 0
      ? hold('unknown-sender')
      : hold('no-marker', 'No reference to a Service Request was found.');

  const summary = await context.lookup.getRequestSummary(best.requestId);
  const number = formatSrNumber(best.requestId);
  if (!summary) return hold('sr-not-found', `${number} does not exist (any more).`);
  const sender = message.from.address;
  const participates = [summary.requesterEmail, ...summary.participantEmails].some((address) =>
    sameAddress(address, sender),
  );
  if (!participates && (policy.unknownSender === 'review' || !SIGNED_SIGNALS.has(best.signal))) {
    return hold(
      'unknown-sender',
      `${sender || 'The sender'} is not the requester or a participant of ${number}.`,
    );
  }
  if (authenticity && !authenticity.authenticated && !SIGNED_SIGNALS.has(best.signal)) {
    // The reason in plain words first, then what tied it to the SR, then the stamp as read.
    const why = `Only a weak signal (${best.signal}) ties it to ${number}; those file only for an authenticated sender, since the From: address may be forged.`;
    return {
      kind: 'mail-center',
      reason: 'sender-not-authenticated',
      evidence: [authenticity.summary, why, ...evidence, ...authenticity.details],
      candidates,
    };
  }
  if (summary.isClosed && policy.closedSr === 'mail-center')
    return hold('sr-closed', `${number} is ${summary.status}.`);
  return {
    kind: 'note',
    requestId: best.requestId,
    signal: best.signal,
    confidence: best.confidence,
    reopen: summary.isClosed,
    evidence,
  };
}
