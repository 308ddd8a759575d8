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
    const srHint = decoded.srId;
    return {
      problem: PROBLEM_OF_STATUS[decoded.status],
      signal,
      ...(srHint !== undefined ? { srHint } : {}),
      detail: `The reference ${token} ${where} is ${decoded.status === 'unknown-key' ? 'signed with a key we do not have' : decoded.status}.`,
    };
  }
  // The outbound email it names must belong to the same SR; anything else means our records and the token disagree.
  const outbound = await context.lookup.findOutboundById(decoded.outboundId);
  if (outbound && outbound.srId !== decoded.srId) {
    return {
      problem: 'token-forged',
      signal,
      srHint: decoded.srId,
      detail: `The reference ${token} ${where} names email ${decoded.outboundId}, which belongs to another request.`,
    };
  }
  return {
    srId: decoded.srId,
    signal,
    confidence,
    detail: `The reference ${token} ${where} is valid (${formatSrNumber(decoded.srId)}).`,
  };
}
