import { SYSTEM_ACTOR } from '../../domain/history.js';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import { HOUR_MS, applyRateLimits, isRecentSend } from '../../domain/outbound-policy.js';
import type { Rule } from '../../domain/rule.js';
import { ruleMatches, ruleRecipients } from '../../domain/rule-match.js';
import type { ServiceRequest } from '../../domain/service-request.js';
import type { SrEvent } from '../../domain/sr-event.js';
import type { Transaction } from '../../ports/store.js';
import { lastAgentNoteText } from './compose-email.js';
import { currentRateLimits } from '../settings/current-rate-limits.js';
import type { ServiceDeps } from '../deps.js';
import { enqueueEmail } from './enqueue-email.js';
import { loadSettings } from '../settings/load-settings.js';
import { recordHistory } from '../requests/record-history.js';

/**
 * Runs the rules for one SR event and deletes the event, in the caller's transaction: the emails it queues (or stops)
 * and its removal from the outbox commit together, so a crash re-runs the whole event or none of it. Returns the
 * emails queued for sending.
 */
export async function processSrEventIn(
  deps: ServiceDeps,
  tx: Transaction,
  eventId: string,
): Promise<OutboundEmail[]> {
  const event = await tx.collection('srEvents').get(eventId);
  if (!event) return [];
  await tx.collection('srEvents').delete(eventId);
  const rules = (await tx.collection('rules').all()).filter((rule) => ruleMatches(rule, event));
  const sr = await tx.collection('requests').get(event.requestId);
  if (rules.length === 0 || !sr) return [];
  const queued: OutboundEmail[] = [];
  for (const rule of rules) {
    const email = await runRule(deps, tx, rule, event, sr);
    if (email?.status === 'queued') queued.push(email);
  }
  return queued;
}

async function runRule(
  deps: ServiceDeps,
  tx: Transaction,
  rule: Rule,
  event: SrEvent,
  sr: ServiceRequest,
): Promise<OutboundEmail | undefined> {
  const actor = { id: `rule:${rule.id}`, name: `Rule "${rule.name}"` };
  const notSent = (reason: string) =>
    recordHistory(deps, tx, {
      requestId: sr.id,
      kind: 'email-stopped',
      summary: `Rule "${rule.name}" sent no email: ${reason}`,
      actor: SYSTEM_ACTOR,
      details: { ruleId: rule.id, reason },
    });
  const template = await tx.collection('mailTemplates').get(rule.templateId);
  if (!template) return void (await notSent('its mail template no longer exists.'));
  const account = await (await tx.collection('mailAccounts').all()).find((a) => a.isDefault);
  if (!account?.serviceMessaging) {
    return void (await notSent(
      account
        ? `Service Messaging is off for ${account.emailAddress}.`
        : 'no mail account is set as Default.',
    ));
  }
  const recipients = ruleRecipients(rule, sr);
  if (recipients.length === 0)
    return void (await notSent('the SR has nobody to send it to (no assignee or participants).'));

  const limits = currentRateLimits(deps, await loadSettings(tx));
  const now = deps.clock();
  // isRecentSend looks back one hour, so only that hour is read.
  const recent = (
    await tx.collection('outboundEmails').queuedSince(new Date(now.getTime() - HOUR_MS).toISOString())
  ).filter((e) => isRecentSend(e, now));
  const decision = applyRateLimits(
    { to: recipients, cc: [] },
    {
      forSr: recent.filter((e) => e.requestId === sr.id).length,
      forAddress: (address) =>
        recent.filter((e) => [...e.to, ...e.cc].some((r) => r.address === address)).length,
    },
    limits,
  );
  const noteId = typeof event.details['noteId'] === 'string' ? event.details['noteId'] : undefined;
  if (!decision.stoppedReason && decision.dropped.length > 0) {
    const reason = decision.dropped.map((d) => d.reason).join('; ');
    await recordHistory(deps, tx, {
      requestId: sr.id,
      kind: 'email-stopped',
      summary: `Rule "${rule.name}" left out ${decision.dropped.map((d) => d.address).join(', ')}: ${reason}`,
      actor: SYSTEM_ACTOR,
      details: { ruleId: rule.id, reason, dropped: decision.dropped.map((d) => d.address) },
    });
  }
  return enqueueEmail(deps, tx, {
    sr,
    account,
    content: template,
    to: decision.stoppedReason ? recipients : decision.to,
    cc: [],
    attachmentIds: [],
    trigger: 'rule',
    actor,
    templateId: template.id,
    ruleId: rule.id,
    lastNote: await lastAgentNoteText(tx, sr.id, noteId),
    ...(decision.stoppedReason ? { stoppedReason: decision.stoppedReason } : {}),
  });
}
