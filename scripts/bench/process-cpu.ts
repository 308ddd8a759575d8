import { readFileSync } from 'node:fs';

// CPU seconds a process has used (user + system), from Linux's /proc/<pid>/stat; NaN elsewhere. The cluster bench
// reads it before and after a run to tell whether an instance was CPU-bound or waiting on the throttle.
const TICKS_PER_SECOND = 100;

export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
    // 14th field and stime the 15th, i.e. the 12th and 13th after ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * Seconds the process's main thread sat ready to run but waiting for a core (Linux /proc/<pid>/schedstat, 2nd field);
 * NaN elsewhere. Next to cpuSeconds it says whether a slow run was the instance's own work or a crowded machine.
 */
export function runQueueWaitSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return Number.NaN;
  }
}

/**
 * Waits until every process has used under `quietShare` of a core over a whole second, at most `maxMs`; says how long
 * it took, or that they never went quiet. An instance goes on compiling and warming up after it says it listens: a
 * run started then would charge that to the run, three times over with three instances.
 */
export async function waitForQuiet(
  pids: readonly (number | undefined)[],
  quietShare = 0.05,
  maxMs = 60_000,
): Promise<{ quiet: boolean; ms: number }> {
  const started = Date.now();
  let last = pids.map(cpuSeconds);
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = pids.map(cpuSeconds);
    const busy = now.some((cpu, i) => !(cpu - last[i]! < quietShare));
    last = now;
    if (!busy) return { quiet: true, ms: Date.now() - started };
  }
  return { quiet: false, ms: Date.now() - started };
}

/**
 * Samples each process's CPU every `everyMs` until `stop`, which says until when (seconds from the start, to the
 * sample) each process was busy: using at least half of the most it used in any sample. Side by side with the run's
 * length, it shows the instances that ran out of work before the others finished.
 */
export function busyTimeline(pids: readonly (number | undefined)[], everyMs = 500): { stop(): number[] } {
  const started = Date.now();
  let last = pids.map(cpuSeconds);
  const rates: number[][] = pids.map(() => []);
  const times: number[] = [];
  const timer = setInterval(() => {
    const now = pids.map(cpuSeconds);
    times.push((Date.now() - started) / 1000);
    now.forEach((cpu, i) => rates[i]!.push(cpu - last[i]!));
    last = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return rates.map((series) => {
        const peak = Math.max(0, ...series.filter(Number.isFinite));
        const lastBusy = series.reduce((at, rate, k) => (rate >= peak / 2 ? (times[k] ?? at) : at), 0);
        return Math.round(lastBusy * 10) / 10;
      });
    },
  };
}
