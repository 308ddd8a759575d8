import { afterEach, describe, expect, it } from 'vitest';
import { ORPHAN_BLOB_SWEEP_JOB, scheduleOrphanBlobSweep } from '../../../api/src/mail/orphan-blob-sweep.js';
import type { ClusterState } from '../../../api/src/ports/cluster-state.js';
import type { OrphanSweepResult } from '../../../api/src/services/attachments/sweep-orphan-blobs.js';
import { createMemoryBlobStore } from '../../../api/src/store/memory-blob-store.js';
import { createMemoryStore } from '../../../api/src/store/memory-store.js';
import type { BlobStore } from '../../../api/src/ports/blob-store.js';
import { eventually } from '../../support/emulator-graph-target.js';

const HOUR = 60 * 60_000;

describe('the orphan blob sweep schedule', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('sweeps on its own, again and again, one run at a time', async () => {
    // Written two hours ago, as far as the sweep can tell.
    const blobs = createMemoryBlobStore(() => new Date(Date.now() - 2 * HOUR));
    const orphan = await blobs.put(Buffer.from('bytes of a failed transaction'));
    const results: OrphanSweepResult[] = [];
    const errors: unknown[] = [];
    const schedule = scheduleOrphanBlobSweep(
      { store: createMemoryStore(), blobs, clock: () => new Date() },
      {
        intervalMs: 10,
        graceMs: HOUR,
        onSwept: (result) => results.push(result),
        onError: (error) => errors.push(error),
      },
    );
    stop = () => schedule.stop();
    await eventually(() => (results.length >= 3 ? true : undefined), 5_000, 'three sweeps');
    expect(await blobs.exists(orphan.sha256)).toBe(false);
    expect(results[0]).toEqual({ examined: 1, removed: 1, bytesRemoved: orphan.size });
    expect(results.slice(1).every((r) => r.examined === 0)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reports a failed sweep and keeps its schedule', async () => {
    const inner = createMemoryBlobStore();
    let failures = 0;
    const failing: BlobStore = {
      ...inner,
      list: () => {
        failures += 1;
        throw new Error('storage account unreachable');
      },
    };
    const errors: unknown[] = [];
    const schedule = scheduleOrphanBlobSweep(
      { store: createMemoryStore(), blobs: failing, clock: () => new Date() },
      { intervalMs: 10, graceMs: HOUR, onSwept: () => undefined, onError: (error) => errors.push(error) },
    );
    stop = () => schedule.stop();
    await eventually(() => (errors.length >= 2 ? true : undefined), 5_000, 'two failed sweeps');
    expect(failures).toBeGreaterThanOrEqual(2);
    expect(String(errors[0])).toContain('storage account unreachable');
  });

  it('sweeps only in the periods this instance claims: the other instances of a cluster skip theirs', async () => {
    const blobs = createMemoryBlobStore(() => new Date(Date.now() - 2 * HOUR));
    await blobs.put(Buffer.from('bytes of a failed transaction'));
    // Another instance holds every other period: claims alternate between granted and refused.
    const claims: Array<{ job: string; periodMs: number; granted: boolean }> = [];
    const cluster: ClusterState = {
      agree: async (_setting, fingerprint) => fingerprint,
      claimPeriodic: async (job, periodMs) => {
        const granted = claims.length % 2 === 0;
        claims.push({ job, periodMs, granted });
        return granted;
      },
    };
    const results: OrphanSweepResult[] = [];
    const schedule = scheduleOrphanBlobSweep(
      { store: createMemoryStore(), blobs, clock: () => new Date(), cluster },
      { intervalMs: 10, graceMs: HOUR, onSwept: (result) => results.push(result), onError: () => undefined },
    );
    stop = () => schedule.stop();
    await eventually(() => (claims.length >= 6 ? true : undefined), 5_000, 'six claims');
    await schedule.stop();
    expect(claims.every((c) => c.job === ORPHAN_BLOB_SWEEP_JOB && c.periodMs === 10)).toBe(true);
    expect(results).toHaveLength(claims.filter((c) => c.granted).length);
  });
});
