import type { MailAddress } from './mail-message.js';
import type { Rule } from './rule.js';
import type { ServiceRequest } from './service-request.js';
import type { SrEvent } from './sr-event.js';

// Which rules an SR event fires, and whom they write to.

/**
 * Mail classes that must never set a rule off: answering an out-of-office, a bounce, our own mail or a loop is how
 * mail storms start. The engine puts the class of the email behind a change into its history details (`mailClass`).
 */
const MACHINE_MAIL = new Set(['auto-reply', 'bounce', 'own', 'loop', 'system']);

const same = (a: unknown, b: string): boolean =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

export function ruleMatches(rule: Rule, event: SrEvent): boolean {
  if (!rule.enabled) return false;
  if (typeof event.details['mailClass'] === 'string' && MACHINE_MAIL.has(event.details['mailClass']))
    return false;
  const trigger = rule.trigger;
  switch (trigger.kind) {
    case 'sr-created':
      return event.kind === 'sr-created';
    case 'status-changed':
      return (
        event.kind === 'status-changed' &&
        (trigger.from === undefined || same(event.details['from'], trigger.from)) &&
        (trigger.to === undefined || same(event.details['to'], trigger.to))
      );
    case 'note-added':
      // Only notes the customer may see: an internal note must never leave the desk by rule.
      return event.kind === 'note-added' && event.details['typeCode'] === 'PUBLIC';
    case 'assigned':
      return event.kind === 'assigned' && typeof event.details['to'] === 'string';
  }
}

/** The rule's recipients for this SR, each address once, in the order the rule lists them. */
export function ruleRecipients(rule: Rule, sr: ServiceRequest): MailAddress[] {
  const found: MailAddress[] = [];
  const add = (address: string, name?: string) => {
    const normalised = address.trim().toLowerCase();
    if (normalised && !found.some((r) => r.address === normalised))
      found.push(name ? { name, address: normalised } : { address: normalised });
  };
  for (const recipient of rule.recipients) {
    if (recipient.kind === 'requester') add(sr.requester.email, sr.requester.name);
    if (recipient.kind === 'participants') sr.participants.forEach((p) => add(p));
    if (recipient.kind === 'assignee' && sr.assignee) add(sr.assignee.email, sr.assignee.name);
    if (recipient.kind === 'address') add(recipient.address);
  }
  return found;
}
