import type { MailMessage } from '../domain/mail-message.js';
import { detectAutoReply } from './classifiers/auto-reply.js';
import { detectBounce } from './classifiers/bounce.js';
import type { ClassifyContext, Classifier, Evidence, MachineClass, MailClass } from './classifiers/evidence.js';
import { detectLoop } from './classifiers/loop.js';
import { detectOwnMail } from './classifiers/own-mail.js';
import { detectSystemMessage } from './classifiers/system-message.js';

export type { ClassifyContext, Evidence, MailClass } from './classifiers/evidence.js';

export type Classification = { class: MailClass; evidence: Evidence[] };

const CLASSIFIERS: readonly Classifier[] = [detectBounce, detectOwnMail, detectSystemMessage, detectAutoReply, detectLoop];

// Headers that say "a machine sent this" without saying which kind: RFC 3464 bounces carry Auto-Submitted too.
const GENERIC_AUTOMATION = new Set(['header:auto-submitted', 'header:precedence']);

type Weight = { strong: boolean; specific: boolean; supporting: Set<string> };

/**
 * Bounces first: an NDR quoting our Message-ID must never reach matching. A class needs one strong signal or two
 * different supporting ones. Order: definite bounce, own mail, system message, a specific auto-reply signal (its
 * subject, X-Autoreply, the Exchange rule headers), a bounce by combined evidence, a generic "automated" header, a
 * loop, then combined evidence for the rest.
 */
export function classifyMessage(message: MailMessage, context: ClassifyContext): Classification {
  const evidence: Evidence[] = [];
  for (const classifier of CLASSIFIERS) for (const item of classifier(message, context)) evidence.push(item);
  if (evidence.length === 0) return { class: 'human', evidence };
  const weights = new Map<MachineClass, Weight>();
  for (const item of evidence) {
    const weight = weights.get(item.class) ?? { strong: false, specific: false, supporting: new Set<string>() };
    if (item.strength === 'strong') {
      weight.strong = true;
      if (!GENERIC_AUTOMATION.has(item.signal)) weight.specific = true;
    }
    weight.supporting.add(item.signal);
    weights.set(item.class, weight);
  }
  const strong = (klass: MachineClass) => weights.get(klass)?.strong === true;
  const specific = (klass: MachineClass) => weights.get(klass)?.specific === true;
  const supported = (klass: MachineClass) => (weights.get(klass)?.supporting.size ?? 0) >= 2;
  const decided: MachineClass | undefined =
    (strong('bounce') && 'bounce') ||
    (strong('own') && 'own') ||
    (strong('system') && 'system') ||
    (specific('auto-reply') && 'auto-reply') ||
    (supported('bounce') && 'bounce') ||
    (strong('auto-reply') && 'auto-reply') ||
    (strong('loop') && 'loop') ||
    (supported('system') && 'system') ||
    (supported('auto-reply') && 'auto-reply') ||
    undefined;
  return { class: decided ?? 'human', evidence };
}
