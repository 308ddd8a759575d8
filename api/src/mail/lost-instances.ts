import type { Coordination } from '../ports/coordination.js';
import { instanceLeaseName } from './mailbox-lease.js';

// Each instance runs the SR events it committed (compose-mail.ts), so one that dies leaves those it had not run yet.
// Any instance's minute sweep would find them; watching the heartbeat leases finds them within a third of a lease
// time, so the email a rule sends after a crash waits seconds rather than up to a minute. A lease that lapsed is
// reported once: an instance that comes back renews it, and a later death is a lapse with another expiry.

export type LostInstancesWatch = { stop(): void };

export function watchLostInstances(
  coordination: Coordination,
  everyMs: number,
  onLost: (instanceIds: string[]) => void,
): LostInstancesWatch {
  const reported = new Set<string>();
  const check = async () => {
    const lapsed = await coordination.lapsed(instanceLeaseName('')).catch(() => []);
    const lost = lapsed.filter((lease) => !reported.has(`${lease.holder} ${lease.expiresAt}`));
    for (const lease of lost) reported.add(`${lease.holder} ${lease.expiresAt}`);
    if (lost.length > 0) onLost(lost.map((lease) => lease.holder));
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
