import type { TOutboundEmail } from '../../contract/outbound-email.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';

/** The outbound log entry without the queue's bookkeeping (Graph's message id, retry times). */
export function presentOutboundEmail(email: OutboundEmail): TOutboundEmail {
  const {
    accountId: _account,
    graphMessageId: _graphId,
    attemptedAt: _attempted,
    claimRenewedAt: _renewed,
    notBefore: _notBefore,
    ...shown
  } = email;
  return shown;
}
