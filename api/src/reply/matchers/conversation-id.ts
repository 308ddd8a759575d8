import type { Matcher } from './match-types.js';

// 3b. The Graph conversationId of one of our sent emails. Exchange groups a thread by it inside our mailbox; it is not
// signed and outside senders' clients influence it, so it counts less than the signals we minted.
export const matchConversationId: Matcher = async (message, context) => {
  if (!message.conversationId) return undefined;
  const outbound = await context.lookup.findOutboundByConversationId(message.conversationId);
  return outbound
    ? {
        requestId: outbound.requestId,
        signal: 'conversation-id',
        confidence: 0.8,
        detail: 'It belongs to the mailbox conversation of one of our emails.',
      }
    : undefined;
};
