import { headerValue, normaliseMessageId, parseMessageIdList } from '../../domain/mail-message.js';
import { parseOwnMessageId } from '../../domain/reply-marker.js';
import type { Matcher } from './match-types.js';
import { tokenVerdict } from './token-verdict.js';

// 2. Our own Message-ID in In-Reply-To, then References newest first (every <...>, whatever separates them). Ours carry
// the token and are checked like it; others are looked up among the ids Exchange stamped on our sent mail.
export const matchMessageIdHeaders: Matcher = async (message, context) => {
  const inReplyTo = parseMessageIdList(headerValue(message, 'in-reply-to'));
  const references = parseMessageIdList(headerValue(message, 'references')).reverse();
  const ids = [...new Set([...inReplyTo, ...references].map(normaliseMessageId))];
  for (const id of ids) {
    const own = parseOwnMessageId(id);
    if (own) return tokenVerdict(own.token, 'own-message-id', 0.99, context, `in our Message-ID <${id}>`);
    const outbound = await context.lookup.findOutboundByMessageId(id);
    if (outbound)
      return {
        requestId: outbound.requestId,
        signal: 'in-reply-to',
        confidence: 0.95,
        detail: `It answers our email <${id}>.`,
      };
  }
  return undefined;
};
