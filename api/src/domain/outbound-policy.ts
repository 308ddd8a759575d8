import type { MailAddress } from './mail-message.js';
import type { OutboundEmail } from './outbound-email.js';
import type { RateLimits } from './rate-limits.js';

// Limits on what the desk sends. Exchange Online accepts 30 messages a minute per mailbox (docs/graph-behaviour.md §4.3); the
// hourly limits (rate-limits.ts) stop two systems from mailing each other forever (our rule answers their
// auto-reply, which changes the SR, which fires our rule ...). Only rule-generated emails are stopped: an agent who
// presses Send means it, but manual emails still count towards the hour.

export type OutboundPolicy = {
  /** Sends per mailbox per minute; the queue waits for the next slot. */
  perMailboxPerMinute: number;
  /** Base URL of the app for #SR_LINK#; without it the placeholder is the SR number. */
  publicUrl?: string;
};

/** How far back the rate limits of rule emails look. */
export const HOUR_MS = 60 * 60 * 1000;

/** Emails that went, or are about to go, in the hour before `now`: stopped and failed ones sent nothing. */
export function isRecentSend(email: Pick<OutboundEmail, 'status' | 'queuedAt'>, now: Date): boolean {
  return (
    email.status !== 'stopped' &&
    email.status !== 'failed' &&
    now.getTime() - new Date(email.queuedAt).getTime() < HOUR_MS
  );
}

export type RateDecision = {
  to: MailAddress[];
  cc: MailAddress[];
  dropped: { address: string; reason: string }[];
  stoppedReason?: string;
};

/**
 * Which recipients a rule email may still go to, given the emails of the last hour (of this SR, and to each
 * address). Recipients over their own limit are dropped; over the SR limit, or with nobody left, the email stops.
 */
export function applyRateLimits(
  recipients: { to: MailAddress[]; cc: MailAddress[] },
  recent: { forSr: number; forAddress: (address: string) => number },
  policy: Pick<RateLimits, 'rulePerSrPerHour' | 'rulePerRecipientPerHour'>,
): RateDecision {
  if (recent.forSr >= policy.rulePerSrPerHour) {
    return {
      to: [],
      cc: [],
      dropped: [],
      stoppedReason: `Stopped: ${recent.forSr} emails about this SR in the last hour (limit ${policy.rulePerSrPerHour}); this looks like a mail loop.`,
    };
  }
  const dropped: RateDecision['dropped'] = [];
  const keep = (list: MailAddress[]) =>
    list.filter((r) => {
      const count = recent.forAddress(r.address);
      if (count < policy.rulePerRecipientPerHour) return true;
      dropped.push({
        address: r.address,
        reason: `${count} emails to ${r.address} in the last hour (limit ${policy.rulePerRecipientPerHour})`,
      });
      return false;
    });
  const to = keep(recipients.to);
  const cc = keep(recipients.cc);
  if (to.length + cc.length === 0) {
    return {
      to,
      cc,
      dropped,
      stoppedReason: `Stopped: ${dropped.map((d) => d.reason).join('; ') || 'no recipients'}.`,
    };
  }
  return { to, cc, dropped };
}

const MINUTE_MS = 60 * 1000;

/**
 * When the mailbox may send again, given when its recent attempts began; undefined when it may send now. A
 * sliding minute, so a burst of 30 is followed by a pause rather than a 31st message Exchange would refuse.
 */
export function sendingSlotFreeAt(
  attemptTimes: readonly string[],
  now: Date,
  perMinute: number,
): Date | undefined {
  const inWindow = attemptTimes
    .map((t) => new Date(t).getTime())
    .filter((t) => now.getTime() - t < MINUTE_MS)
    .sort((a, b) => a - b);
  if (inWindow.length < perMinute) return undefined;
  return new Date((inWindow[inWindow.length - perMinute] ?? now.getTime()) + MINUTE_MS);
}

/** How long a rule email waits after its n-th transient failure: 30 s, 1, 2, 4 ... minutes, at most 30. */
export function retryDelayMs(attempts: number, retryAfterMs = 0): number {
  return Math.max(retryAfterMs, Math.min(30 * 60 * 1000, 30 * 1000 * 2 ** Math.max(0, attempts - 1)));
}
