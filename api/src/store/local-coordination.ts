import type { Coordination, Lease, SharedSubscription, Wake } from '../ports/coordination.js';

// Memory and lowdb stores serve one instance: every lease is granted at once (the engine's own one-sync-at-a-time
// runner is the only coordination needed), and wakes and subscriptions stay in this process. The leases are still
// recorded, so /api/health says the same thing on every store.

export function createLocalCoordination(): Coordination {
  const leases = new Map<string, Lease & { released?: boolean }>();
  const wakeListeners = new Set<(wake: Wake) => void>();
  const subscriptions = new Map<string, SharedSubscription>();
  let fence = 0;
  const grant = (name: string, holder: string, ttlMs: number, keep?: number): Lease => {
    const lease = {
      name,
      holder,
      fence: keep ?? ++fence,
      expiresAt: new Date(Date.now() + ttlMs).toISOString(),
    };
    leases.set(name, lease);
    return { ...lease };
  };
  return {
    local: true,
    acquire: async (name, holder, ttlMs) => {
      const current = leases.get(name);
      return grant(name, holder, ttlMs, current?.holder === holder ? current.fence : undefined);
    },
    renew: async (name, holder, fenceToken, ttlMs) => {
      const current = leases.get(name);
      return current?.holder === holder && current.fence === fenceToken
        ? grant(name, holder, ttlMs, fenceToken)
        : undefined;
    },
    release: async (name, holder, fenceToken) => {
      const current = leases.get(name);
      if (current?.holder === holder && current.fence === fenceToken)
        leases.set(name, { ...current, expiresAt: new Date().toISOString(), released: true });
    },
    pass: async (name, holder, fenceToken, to, ttlMs) => {
      const current = leases.get(name);
      return current?.holder === holder && current.fence === fenceToken ? grant(name, to, ttlMs) : undefined;
    },
    releaseAll: async (holder) => {
      for (const [name, lease] of leases)
        if (lease.holder === holder)
          leases.set(name, { ...lease, expiresAt: new Date().toISOString(), released: true });
    },
    lease: async (name) => {
      const current = leases.get(name);
      return current ? { released: false, ...current } : undefined;
    },
    // One instance: nobody else to die holding a lease, nor to hand work to.
    lapsed: async () => [],
    reportBacklog: async () => undefined,
    holders: async (prefix = '') => {
      const now = Date.now();
      return [...leases.values()]
        .filter((l) => l.name.startsWith(prefix) && Date.parse(l.expiresAt) > now)
        .map(({ name, holder, fence: f, expiresAt }) => ({ name, holder, fence: f, expiresAt }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    wake: async (wake) => {
      for (const listener of wakeListeners) listener(wake);
    },
    onWake: (listener) => {
      wakeListeners.add(listener);
      return () => wakeListeners.delete(listener);
    },
    publishSubscription: async (s, lease) => {
      const current = leases.get(lease);
      if (current?.holder !== s.owner || Date.parse(current.expiresAt) <= Date.now()) return false;
      subscriptions.set(s.accountId, s);
      return true;
    },
    subscriptions: async () => [...subscriptions.values()],
    markSubscription: async (accountId, subscriptionId, change) => {
      const current = subscriptions.get(accountId);
      if (current?.subscriptionId !== subscriptionId) return;
      if (change === 'removed') subscriptions.delete(accountId);
      else subscriptions.set(accountId, { ...current, expiresAt: new Date(0).toISOString() });
    },
    close: async () => undefined,
  };
}
