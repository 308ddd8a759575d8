import type { MailMessage } from '../../domain/mail-message.js';
import type { MatchContext } from './match-lookup.js';

export type MatchSignal =
  'body-token' | 'own-message-id' | 'in-reply-to' | 'hidden-token' | 'conversation-id' | 'subject-sr-number';

/** A matcher's answer: this SR, through this signal, this sure. */
export type Match = { requestId: number; signal: MatchSignal; confidence: number; detail: string };

/** A signal that was there but must not be trusted: it sends the email to the Mail Center, never to a guessed SR. */
export type MatchProblem = {
  problem: 'token-damaged' | 'token-forged' | 'token-unknown-key' | 'token-expired';
  signal: MatchSignal;
  /** The SR number a damaged token still shows, for people to look at; never used to file. */
  requestHint?: number;
  detail: string;
};

/**
 * A weak signal that names an SR but cannot file to it: a subject number from someone who is not on that SR. It is
 * evidence and a suggestion for the agent, never a match: it neither files the email nor conflicts with a real match.
 */
export type MatchHint = { hint: 'sender-not-on-sr'; signal: MatchSignal; requestId: number; detail: string };

export type Matcher = (
  message: MailMessage,
  context: MatchContext,
) => Promise<Match | MatchProblem | MatchHint | undefined>;

/** Signals we signed or minted ourselves; a stranger cannot produce them. */
export const SIGNED_SIGNALS: ReadonlySet<MatchSignal> = new Set([
  'body-token',
  'own-message-id',
  'hidden-token',
  'in-reply-to',
]);

export function isProblem(result: Match | MatchProblem | MatchHint): result is MatchProblem {
  return 'problem' in result;
}

export function isHint(result: Match | MatchProblem | MatchHint): result is MatchHint {
  return 'hint' in result;
}
