import type { ClusterState } from '../ports/cluster-state.js';

/** The memory and lowdb stores serve one process: every fingerprint agrees, and jobs are only kept to their period. */
export function createLocalClusterState(): ClusterState {
  const lastRuns = new Map<string, number>();
  return {
    agree: async (_setting, fingerprint) => fingerprint,
    async claimPeriodic(job, periodMs, now) {
      const last = lastRuns.get(job);
      if (last !== undefined && now.getTime() - last < periodMs) return false;
      lastRuns.set(job, now.getTime());
      return true;
    },
  };
}
