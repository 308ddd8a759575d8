import { domainOf, headerValue, sameAddress } from '../../domain/mail-message.js';
import { parseOwnMessageId } from '../../domain/reply-marker.js';
import type { Classifier, Evidence } from './evidence.js';

// Mail we sent, come back to our own mailbox (a rule forwarding to itself, a CC of our address, a relay loop).

export const detectOwnMail: Classifier = (message, context) => {
  const evidence: Evidence[] = [];
  if (message.from.address && context.ownAddresses.some((own) => sameAddress(own, message.from.address))) {
    evidence.push({
      class: 'own',
      signal: 'from:own-address',
      strength: 'strong',
      detail: message.from.address,
    });
  }
  const id = message.internetMessageId ?? '';
  const ownDomains = context.ownMessageIdDomains.map((d) => d.toLowerCase());
  if (id && parseOwnMessageId(id) && ownDomains.includes(domainOf(id))) {
    evidence.push({ class: 'own', signal: 'message-id:own', strength: 'strong', detail: id });
  }
  // The outbound composer stamps X-SM-Ref on what we send; replies never carry the header back, our own copies do.
  const ref = headerValue(message, 'x-sm-ref');
  if (ref) evidence.push({ class: 'own', signal: 'header:x-sm-ref', strength: 'strong', detail: ref });
  return evidence;
};
