import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { ServiceDeps } from '../../services/deps.js';
import { isSameClaim } from './attempt-send.js';

// A send can take longer than the recovery grace (Retry-After is honoured for up to minutes). In one process the
// worker knows its own sends are alive; another instance knows only what the record says. So while a send is in
// flight its claim is renewed in the store, and recover-send.ts leaves a renewed claim alone.

/** Renews the claim every `everyMs` until the returned function is called. */
export function keepClaim(deps: ServiceDeps, email: OutboundEmail, everyMs: number): () => void {
  const timer = setInterval(() => {
    // A missed renewal is made up by the next; the claim lapses only when several in a row fail.
    void deps.store
      .transact(async (tx) => {
        const current = await tx.collection('outboundEmails').get(email.id);
        if (isSameClaim(current, email))
          await tx
            .collection('outboundEmails')
            .put({ ...current, claimRenewedAt: deps.clock().toISOString() });
      })
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** When the claimer last showed it was alive: the attempt's start or its latest renewal. */
export function lastSignOfLife(email: OutboundEmail): number {
  return Math.max(
    Date.parse(email.attemptedAt ?? email.queuedAt),
    email.claimRenewedAt ? Date.parse(email.claimRenewedAt) : 0,
  );
}
