import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../../api/src/domain/principal.js';
import { addNote } from '../../api/src/services/notes/add-note.js';
import type { ServiceDeps } from '../../api/src/services/deps.js';
import { openLowdbStore } from '../../api/src/store/lowdb-store.js';
import { percentile } from './percentiles.js';
import { seedLowdb } from './store-seed.js';

// `npm run bench -- --only=lowdb-size`: where lowdb commits get slow. Every commit rewrites db.json whole, so an
// agent's add-note commit is timed on desks of growing size (10 notes per SR); the line gives the curve, the cost per
// MB, and the size where a commit passes 50 ms (the target), which is where /api/health starts to warn.

const SIZES = [500, 1_000, 2_000, 3_000, 4_000, 8_000];
const ROUNDS = 15;
const TARGET_MS = 50;
const agent: Principal = {
  id: 'u1',
  tenantId: 't1',
  name: 'Sam Agent',
  email: 'sam@example.com',
  roles: ['ServiceDesk.Agent'],
};

async function commitAt(srs: number): Promise<{ srs: number; mb: number; p50: number; p95: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'sm-bench-lowdb-'));
  const file = join(dir, 'db.json');
  try {
    await seedLowdb(file, srs, 10);
    const store = await openLowdbStore({ file });
    // addNote uses the store, the clock and ids only.
    const deps = { store, clock: () => new Date(), newId: randomUUID } as unknown as ServiceDeps;
    const ms: number[] = [];
    try {
      for (let i = 0; i < ROUNDS; i++) {
        const start = performance.now();
        await addNote(deps, agent, (i % srs) + 1, { typeCode: 'PUBLIC', body: `Checked the cable (${i}).` });
        ms.push(performance.now() - start);
      }
    } finally {
      await store.close();
    }
    const mb = (await stat(file)).size / 1024 / 1024;
    return {
      srs,
      mb: Math.round(mb * 10) / 10,
      p50: Math.round(percentile(ms, 50) * 10) / 10,
      p95: Math.round(percentile(ms, 95) * 10) / 10,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function lowdbSizeBench(): Promise<Record<string, unknown>> {
  const loadBefore = loadavg().map((l) => Math.round(l * 10) / 10);
  const points = [];
  for (const srs of SIZES) points.push(await commitAt(srs));
  // The cost grows faster than the file (serialising a bigger object graph, then writing it), so the crossing is read
  // between the two measured points around it rather than from a straight-line fit.
  const above = points.findIndex((p) => p.p50 >= TARGET_MS);
  const low = points[above - 1];
  const high = points[above];
  const crossing =
    low && high ? low.mb + ((TARGET_MS - low.p50) / (high.p50 - low.p50)) * (high.mb - low.mb) : undefined;
  return {
    figure: 'lowdb-commit-vs-size',
    points: points.map((p) => ({ ...p, msPerMb: Math.round((p.p50 / p.mb) * 10) / 10 })),
    mbAt50msCommit: crossing === undefined ? null : Math.round(crossing * 10) / 10,
    loadBefore,
    loadAfter: loadavg().map((l) => Math.round(l * 10) / 10),
  };
}
