import type { ServiceDeps } from '../deps.js';
import { sweepOrphanBlobs, type OrphanSweepResult } from './sweep-orphan-blobs.js';

/** The first sweep after a start comes soon: a desk restarted by every deploy would otherwise never reach the interval. */
const FIRST_SWEEP_MAX_DELAY_MS = 60_000;

export type OrphanBlobSweepSchedule = {
  intervalMs: number;
  graceMs: number;
  onSwept(result: OrphanSweepResult): void;
  onError(error: unknown): void;
};

/**
 * Runs the orphan blob sweep now and then, one run at a time, until `stop` (which waits for a run in progress). Each
 * instance of a cluster runs its own: the sweep is safe to run concurrently, and an hourly listing costs little.
 */
export function scheduleOrphanBlobSweep(
  deps: Pick<ServiceDeps, 'store' | 'blobs' | 'clock'>,
  schedule: OrphanBlobSweepSchedule,
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const next = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweepOrphanBlobs(deps, { graceMs: schedule.graceMs })
        .then(schedule.onSwept, schedule.onError)
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
