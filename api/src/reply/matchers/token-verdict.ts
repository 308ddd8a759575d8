import { decodeEcId, type EcIdDecoded } from '../../domain/ec-id.js';
import { formatSrNumber } from '../../domain/service-request.js';
import type { MatchContext } from './match-lookup.js';
import type { Match, MatchProblem, MatchSignal } from './match-types.js';

const PROBLEM_OF_STATUS = {
  damaged: 'token-damaged',
  forged: 'token-forged',
  'unknown-key': 'token-unknown-key',
  expired: 'token-expired',
} as const;

/** What one EC_ID token (found by `signal`) means for matching: an SR, or a reason not to trust it. */
export async function tokenVerdict(
  token: string,
  signal: MatchSignal,
  confidence: number,
  context: MatchContext,
  where: string,
): Promise<Match | MatchProblem> {
  const decoded: EcIdDecoded = decodeEcId(token, context.keyring, context.now);
  if (decoded.status !== 'valid') {
    const requestHint = decoded.requestId;
    return {
      problem: PROBLEM_OF_STATUS[decoded.status],
      signal,
      ...(requestHint !== undefined ? { requestHint } : {}),
      detail: `The reference ${token} ${where} is ${decoded.status === 'unknown-key' ? 'signed with a key we do not have' : decoded.status}.`,
    };
  }
  // The outbound email it names must belong to the same SR; anything else means our records and the token disagree.
  const outbound = await context.lookup.findOutboundById(decoded.outboundId);
  if (outbound && outbound.requestId !== decoded.requestId) {
    return {
      problem: 'token-forged',
      signal,
      requestHint: decoded.requestId,
      detail: `The reference ${token} ${where} names email ${decoded.outboundId}, which belongs to another request.`,
    };
  }
  return {
    requestId: decoded.requestId,
    signal,
    confidence,
    detail: `The reference ${token} ${where} is valid (${formatSrNumber(decoded.requestId)}).`,
  };
}
