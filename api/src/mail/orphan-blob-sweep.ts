import type { ServiceDeps } from '../services/deps.js';
import { sweepOrphanBlobs, type OrphanSweepResult } from '../services/attachments/sweep-orphan-blobs.js';

/** The name under which the instances of a cluster claim each period's sweep (ClusterState.claimPeriodic). */
export const ORPHAN_BLOB_SWEEP_JOB = 'orphan-blob-sweep';

/** The first sweep after a start comes soon: a desk restarted by every deploy would otherwise never reach the interval. */
const FIRST_SWEEP_MAX_DELAY_MS = 60_000;

export type OrphanBlobSweepSchedule = {
  intervalMs: number;
  graceMs: number;
  /** After a sweep this instance ran (not after a period another instance had claimed). */
  onSwept(result: OrphanSweepResult): void;
  onError(error: unknown): void;
};

/**
 * Runs the orphan blob sweep (a service) now and then, one run at a time, until `stop` (which waits for a run in
 * progress). Every instance of a cluster keeps this timer, and each period one of them sweeps: it claims the period
 * in the shared cluster state first, as the retention purge does, so the others do not list the whole blob store
 * again for nothing. Should the claimer die mid-sweep, the next period's claimer sweeps (the sweep is idempotent).
 */
export function scheduleOrphanBlobSweep(
  deps: Pick<ServiceDeps, 'store' | 'blobs' | 'clock' | 'cluster'>,
  schedule: OrphanBlobSweepSchedule,
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const next = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweepIfClaimed(deps, schedule)
        .then((result) => {
          if (result) schedule.onSwept(result);
        }, schedule.onError)
        .finally(() => {
          running = undefined;
          next(schedule.intervalMs);
        });
    }, delayMs);
    // A pending sweep never keeps the process alive.
    timer.unref();
  };
  next(Math.min(schedule.intervalMs, FIRST_SWEEP_MAX_DELAY_MS));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Sweeps when this instance claims the period (or serves alone); undefined when another instance has it. */
async function sweepIfClaimed(
  deps: Pick<ServiceDeps, 'store' | 'blobs' | 'clock' | 'cluster'>,
  schedule: OrphanBlobSweepSchedule,
): Promise<OrphanSweepResult | undefined> {
  if (
    deps.cluster &&
    !(await deps.cluster.claimPeriodic(ORPHAN_BLOB_SWEEP_JOB, schedule.intervalMs, deps.clock()))
  )
    return undefined;
  return sweepOrphanBlobs(deps, { graceMs: schedule.graceMs });
}
