import type { EcIdKeyring } from '../../domain/ec-id.js';

// What matching needs to know about our own outbound mail and SRs. The engine implements it over the store; matching
// itself stays pure apart from these reads.

/** One email we sent about an SR. */
export type OutboundRef = {
  outboundId: number;
  requestId: number;
  internetMessageId?: string;
  conversationId?: string;
};

export type RequestSummary = {
  id: number;
  status: string;
  isClosed: boolean;
  requesterEmail: string;
  participantEmails: readonly string[];
};

export interface MatchLookup {
  /** By our Message-ID as Exchange stamped it (without angle brackets). */
  findOutboundByMessageId(messageId: string): Promise<OutboundRef | undefined>;
  /** By the Graph conversationId of the sent copy. */
  findOutboundByConversationId(conversationId: string): Promise<OutboundRef | undefined>;
  /** By the outbound number inside an EC_ID token. */
  findOutboundById(outboundId: number): Promise<OutboundRef | undefined>;
  getRequestSummary(requestId: number): Promise<RequestSummary | undefined>;
}

export type MatchContext = {
  lookup: MatchLookup;
  /** Keys that sign EC_ID tokens; old keys verify until their validUntil. */
  keyring: EcIdKeyring;
  now: Date;
};
