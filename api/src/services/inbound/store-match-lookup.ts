import { normaliseMessageId } from '../../domain/mail-message.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import { findStatus } from '../../domain/status.js';
import type { ServiceDeps } from '../deps.js';
import { loadSettings } from '../settings/load-settings.js';
import type { MatchLookup, OutboundRef } from '../../reply/matchers/match-lookup.js';

// The matchers' questions answered from the store: our outbound emails (by Message-ID, conversation, number) and the
// SR a signal names.

function ref(email: OutboundEmail): OutboundRef {
  return {
    outboundId: email.id,
    requestId: email.requestId,
    internetMessageId: normaliseMessageId(email.internetMessageId),
    ...(email.conversationId ? { conversationId: email.conversationId } : {}),
  };
}

export function createStoreMatchLookup(deps: Pick<ServiceDeps, 'store'>): MatchLookup {
  const first = (found: OutboundEmail[]) => (found[0] ? ref(found[0]) : undefined);
  return {
    findOutboundByMessageId: (messageId) =>
      deps.store.read(async (tx) => first(await tx.collection('outboundEmails').byMessageId(messageId))),
    findOutboundByConversationId: (conversationId) =>
      deps.store.read(async (tx) =>
        first(await tx.collection('outboundEmails').byConversationId(conversationId)),
      ),
    findOutboundById: (outboundId) =>
      deps.store.read(async (tx) => {
        const found = await tx.collection('outboundEmails').get(outboundId);
        return found ? ref(found) : undefined;
      }),
    getRequestSummary: (requestId) =>
      deps.store.read(async (tx) => {
        const sr = await tx.collection('requests').get(requestId);
        if (!sr) return undefined;
        const settings = await loadSettings(tx);
        return {
          id: sr.id,
          status: sr.status,
          isClosed: findStatus(settings.statuses, sr.status)?.isClosed ?? false,
          requesterEmail: sr.requester.email,
          participantEmails: sr.participants,
        };
      }),
  };
}
