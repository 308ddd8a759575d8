import { decodeEcId, type EcIdDecoded } from '../../domain/ec-id.js';
import { findEcIdCandidates } from '../../domain/ec-id-scan.js';
import { htmlToSearchText } from '../../domain/html-search-text.js';
import { headerValues, parseMessageIdList, type MailMessage } from '../../domain/mail-message.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import { parseOwnMessageId } from '../../domain/reply-marker.js';
import { subjectSrIds } from '../../domain/subject-words.js';
import type { ReadTransaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';

/** Our email this one answers, found through its In-Reply-To or References header. */
export type AnsweredEmail = {
  requestId: number;
  header: 'In-Reply-To' | 'References';
  outbound?: OutboundEmail;
};

// What an email itself says about the SR it belongs to, in the order the mail engine trusts it (docs/architecture.md §4):
// reply markers, our Message-ID in its headers, the conversation, SR numbers in the subject.
export type EmailEvidence = {
  /** Every reply marker in the body, topmost (the newest mail's) first, one entry per token. */
  markers: EcIdDecoded[];
  answers: AnsweredEmail[];
  /** Our outbound emails in the same Exchange conversation. */
  conversation: OutboundEmail[];
  subjectSrIds: number[];
};

export function searchText(message: Pick<MailMessage, 'bodyText' | 'bodyHtml' | 'rendered'>): string {
  // Outlook's own text rendering first: the pane sends it, and it is what the customer saw.
  const html = message.rendered
    ? message.rendered.search
    : message.bodyHtml
      ? htmlToSearchText(message.bodyHtml)
      : '';
  return [message.bodyText ?? '', html].join('\n');
}

export async function readEmailEvidence(
  deps: Pick<ServiceDeps, 'ecIdKeyring' | 'clock'>,
  tx: ReadTransaction,
  message: MailMessage,
): Promise<EmailEvidence> {
  const now = deps.clock();
  const markers = new Map<string, EcIdDecoded>();
  for (const candidate of findEcIdCandidates(searchText(message))) {
    const decoded = decodeEcId(candidate, deps.ecIdKeyring, now);
    if (!markers.has(decoded.token.toUpperCase())) markers.set(decoded.token.toUpperCase(), decoded);
  }

  const outbound = tx.collection('outboundEmails');
  const answers: AnsweredEmail[] = [];
  const referenced = [
    ...headerValues(message, 'In-Reply-To').flatMap((v) =>
      parseMessageIdList(v).map((id) => ({ id, header: 'In-Reply-To' as const })),
    ),
    // References lists the thread oldest first; the nearest ancestor says the most.
    ...headerValues(message, 'References').flatMap((v) =>
      parseMessageIdList(v)
        .reverse()
        .map((id) => ({ id, header: 'References' as const })),
    ),
  ];
  for (const { id, header } of referenced) {
    const [sent] = await outbound.byMessageId(id);
    if (sent) {
      answers.push({ requestId: sent.requestId, header, outbound: sent });
      continue;
    }
    // Our Message-IDs carry the token, so they still lead to the SR when the outbound record is gone.
    const own = parseOwnMessageId(id);
    const decoded = own ? decodeEcId(own.token, deps.ecIdKeyring, now) : undefined;
    if (decoded?.status === 'valid' || decoded?.status === 'expired')
      answers.push({ requestId: decoded.requestId, header });
  }

  const conversation = message.conversationId ? await outbound.byConversationId(message.conversationId) : [];
  return {
    markers: [...markers.values()],
    answers,
    conversation,
    subjectSrIds: subjectSrIds(message.subject),
  };
}
