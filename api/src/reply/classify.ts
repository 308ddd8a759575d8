import type { MailMessage } from '../domain/mail-message.js';
import { detectAutoReply } from './classifiers/auto-reply.js';
import { detectBounce } from './classifiers/bounce.js';
import type {
  ClassifyContext,
  Classifier,
  Evidence,
  MachineClass,
  MailClass,
} from './classifiers/evidence.js';
import { detectLoop } from './classifiers/loop.js';
import { detectOwnMail } from './classifiers/own-mail.js';
import { detectSystemMessage } from './classifiers/system-message.js';
import { detectWording } from './classifiers/wording.js';

export type { ClassifyContext, Evidence, MailClass } from './classifiers/evidence.js';

export type Classification = { class: MailClass; evidence: Evidence[] };

const CLASSIFIERS: readonly Classifier[] = [
  detectBounce,
  detectOwnMail,
  detectSystemMessage,
  detectAutoReply,
  detectLoop,
];

// Headers that say "a machine sent this" without saying which kind: RFC 3464 bounces carry Auto-Submitted too.
const GENERIC_AUTOMATION = new Set(['header:auto-submitted', 'header:precedence']);
// What a person writes as easily as a machine: the subject line and the words of the body. Evidence of these kinds
// never decides on its own, however much of it there is.
const PERSON_WRITABLE = new Set(['subject', 'content']);

/** The kind of evidence a signal is: "header", "from", "subject", "content", "part", "content-type" ... */
function kindOf(signal: string): string {
  const colon = signal.indexOf(':');
  return colon < 0 ? signal : signal.slice(0, colon);
}

type Weight = { strong: boolean; specific: boolean; kinds: Set<string> };

function weigh(evidence: readonly Evidence[]): Map<MachineClass, Weight> {
  const weights = new Map<MachineClass, Weight>();
  for (const item of evidence) {
    const weight = weights.get(item.class) ?? { strong: false, specific: false, kinds: new Set<string>() };
    if (item.strength === 'strong') {
      weight.strong = true;
      if (!GENERIC_AUTOMATION.has(item.signal)) weight.specific = true;
    }
    weight.kinds.add(kindOf(item.signal));
    weights.set(item.class, weight);
  }
  return weights;
}

/**
 * Every kind of evidence is gathered: the report structure, headers, the sender, the subject, and — when anything a
 * person would not write is there — the body's wording. A class needs one strong signal, or supporting signals of
 * two different kinds of which one is not person-writable; so no single weak hint decides, and none stops the others
 * from being looked at. Bounces first (an NDR quoting our Message-ID must never reach matching), then own mail, system
 * messages, a specific auto-reply signal, a bounce by combined evidence, a generic "automated" header, a loop, and
 * combined evidence for the rest.
 */
export function classifyMessage(message: MailMessage, context: ClassifyContext): Classification {
  const evidence: Evidence[] = [];
  for (const classifier of CLASSIFIERS) for (const item of classifier(message, context)) evidence.push(item);
  if (evidence.length === 0) return { class: 'human', evidence };
  if (evidence.some((item) => !PERSON_WRITABLE.has(kindOf(item.signal))))
    evidence.push(...detectWording(message, context));
  const weights = weigh(evidence);
  const strong = (klass: MachineClass) => weights.get(klass)?.strong === true;
  const specific = (klass: MachineClass) => weights.get(klass)?.specific === true;
  const supported = (klass: MachineClass) => {
    const kinds = [...(weights.get(klass)?.kinds ?? [])];
    return kinds.length >= 2 && kinds.some((kind) => !PERSON_WRITABLE.has(kind));
  };
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
