import type { Coordination } from '../ports/coordination.js';
import { instanceLeaseName } from './mailbox-lease.js';

// Each instance runs the SR events it committed (compose-mail.ts), so one that dies leaves those it had not run yet.
// Any instance's minute sweep would find them; watching the heartbeat leases finds them within a third of a lease
// time, so the email a rule sends after a crash waits seconds rather than up to a minute. A lease that lapsed is
// reported once: an instance that comes back renews it, and a later death is a lapse with another expiry. Lapses
// older than this watch are not reported: this instance's start runs every pending event anyway.

export type LostInstancesWatch = {
  /** Resolves once the lapses already there are known, so only later ones are reported. */
  ready: Promise<void>;
  stop(): void;
};

export function watchLostInstances(
  coordination: Coordination,
  self: string,
  everyMs: number,
  onLost: (instanceIds: string[]) => void,
): LostInstancesWatch {
  const reported = new Set<string>();
  const lapses = async () =>
    (await coordination.lapsed(instanceLeaseName('')).catch(() => []))
      // This instance's own lease lapses only while its session is down (the database restarting): not a death.
      .filter((lease) => lease.holder !== self)
      .map((lease) => ({ holder: lease.holder, key: `${lease.holder} ${lease.expiresAt}` }));
  const ready = lapses().then((known) => {
    for (const lapse of known) reported.add(lapse.key);
  });
  const check = async () => {
    await ready;
    const lost = (await lapses()).filter((lapse) => !reported.has(lapse.key));
    for (const lapse of lost) reported.add(lapse.key);
    if (lost.length > 0) onLost(lost.map((lapse) => lapse.holder));
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return { ready, stop: () => clearInterval(timer) };
}
