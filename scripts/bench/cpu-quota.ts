import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A CPU quota per process, through a Linux control group of its own (cgroup v1 `cpu` or cgroup v2 `cpu.max`): the
// cluster bench gives each API instance the same share of a core, so one instance against three measures what a
// cluster of small hosts gains, not how many free cores this machine happens to have (on two shared cores one
// instance would otherwise take all the CPU the three share). Needs root and a writable cgroup tree; `available()`
// says why not otherwise, and the bench prints that instead of a figure.

const PERIOD_US = 100_000;
const V1 = '/sys/fs/cgroup/cpu';
const V2 = '/sys/fs/cgroup';

export type CpuQuota = {
  /** Puts the process (all its threads) in its own group limited to `cores` (0.3 = 30% of one core). */
  confine(name: string, pid: number): void;
  /** Periods the group's quota ran out in, and the time it was held back: whether the quota was the limit. */
  throttled(name: string): { periods: number; throttledPeriods: number; throttledSec: number };
  removeAll(): void;
};

export function cpuQuota(cores: number): CpuQuota | { unavailable: string } {
  const root = existsSync(join(V1, 'cpu.cfs_quota_us'))
    ? { dir: V1, v2: false }
    : existsSync(join(V2, 'cgroup.controllers')) &&
        readFileSync(join(V2, 'cgroup.controllers'), 'utf8').includes('cpu')
      ? { dir: V2, v2: true }
      : undefined;
  if (!root) return { unavailable: 'no cgroup cpu controller at /sys/fs/cgroup (Linux only)' };
  const made = new Set<string>();
  const dirOf = (name: string) => join(root.dir, `sm-bench-${name}`);
  try {
    if (root.v2) writeFileSync(join(V2, 'cgroup.subtree_control'), '+cpu');
    const probe = dirOf('probe');
    mkdirSync(probe, { recursive: true });
    rmdirSync(probe);
  } catch (error) {
    return { unavailable: `cannot create a cgroup: ${(error as Error).message} (run as root)` };
  }
  return {
    confine(name, pid) {
      const dir = dirOf(name);
      mkdirSync(dir, { recursive: true });
      made.add(dir);
      const quota = Math.round(cores * PERIOD_US);
      if (root.v2) writeFileSync(join(dir, 'cpu.max'), `${quota} ${PERIOD_US}`);
      else {
        writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
        writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(quota));
      }
      writeFileSync(join(dir, 'cgroup.procs'), String(pid));
    },
    throttled(name) {
      const stat = Object.fromEntries(
        readFileSync(join(dirOf(name), 'cpu.stat'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ') as [string, string]),
      );
      return {
        periods: Number(stat.nr_periods),
        throttledPeriods: Number(stat.nr_throttled),
        // v1 counts nanoseconds, v2 microseconds.
        throttledSec: root.v2 ? Number(stat.throttled_usec) / 1e6 : Number(stat.throttled_time) / 1e9,
      };
    },
    removeAll() {
      for (const dir of made) {
        // A group can be removed once its processes are gone; the bench kills the instances first.
        try {
          rmdirSync(dir);
        } catch {
          // Still populated (a process outlived the bench): left for the next run to reuse.
        }
      }
      made.clear();
    },
  };
}
