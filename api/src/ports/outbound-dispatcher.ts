import type { OutboundEmail } from '../domain/outbound-email.js';

// What services see of the outbound queue: queued emails are records in the store; this sends them.
export interface OutboundDispatcher {
  /**
   * Sends a queued email now when the mailbox's per-minute budget allows, and resolves with its record after the
   * attempt (sent, or failed with a reason); otherwise it stays queued for the next free slot.
   */
  sendNow(id: number): Promise<OutboundEmail>;
  /** Something was committed that may need sending (queued emails, SR events for rules). */
  wake(): void;
}
