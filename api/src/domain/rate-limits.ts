// Hourly limits that stop two systems from mailing each other forever: their auto-reply files a note, the note fires
// our rule, our email draws their auto-reply ... Inbound, a sender over the limit is held in the Mail Center as a loop;
// outbound, a rule email over a limit is stopped (history says so). Agents' own emails are never stopped.
// The installation sets the defaults (environment, config.ts); an admin may set each under Administration > Service
// messaging, and a limit the admin leaves unset follows the installation's.

export type RateLimits = {
  /** Emails from one sender per hour; more are held in the Mail Center as a loop. */
  inboundPerSenderPerHour: number;
  /** Rule (automatic) emails to one address per hour, across SRs; that address is left out of more. */
  rulePerRecipientPerHour: number;
  /** Rule emails about one SR per hour; more are stopped. */
  rulePerSrPerHour: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  inboundPerSenderPerHour: 30,
  rulePerRecipientPerHour: 30,
  rulePerSrPerHour: 10,
};

/** Above one email every 3.6 seconds a limit no longer stops a loop before it floods somebody's mailbox. */
export const MAX_RATE_LIMIT = 1000;

export const RATE_LIMIT_LABELS: Record<keyof RateLimits, string> = {
  inboundPerSenderPerHour: 'Emails from one sender per hour',
  rulePerRecipientPerHour: 'Automatic emails to one address per hour',
  rulePerSrPerHour: 'Automatic emails about one SR per hour',
};

/** The limits in force: the admin's where set, the installation's elsewhere. */
export function effectiveRateLimits(set: Partial<RateLimits> | undefined, defaults: RateLimits): RateLimits {
  return {
    inboundPerSenderPerHour: set?.inboundPerSenderPerHour ?? defaults.inboundPerSenderPerHour,
    rulePerRecipientPerHour: set?.rulePerRecipientPerHour ?? defaults.rulePerRecipientPerHour,
    rulePerSrPerHour: set?.rulePerSrPerHour ?? defaults.rulePerSrPerHour,
  };
}
