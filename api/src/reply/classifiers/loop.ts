import { headerValues } from '../../domain/mail-message.js';
import type { Classifier, Evidence } from './evidence.js';

// A burst from one sender (or onto one SR) beyond the configured rate: two systems answering each other. The engine
// counts; this rule only compares, so it stays pure.

export const detectLoop: Classifier = (message, context) => {
  const evidence: Evidence[] = [];
  if (context.recent && context.recent.count >= context.recent.limit) {
    evidence.push({
      class: 'loop',
      signal: 'rate:sender-burst',
      strength: 'strong',
      detail: `${context.recent.count} recent messages, limit ${context.recent.limit}`,
    });
  }
  const own = context.ownAddresses.map((a) => a.toLowerCase());
  const loopHeader = headerValues(message, 'x-loop').find((value) =>
    own.some((address) => value.toLowerCase().includes(address)),
  );
  if (loopHeader)
    evidence.push({
      class: 'loop',
      signal: 'header:x-loop-own-address',
      strength: 'strong',
      detail: loopHeader,
    });
  return evidence;
};
