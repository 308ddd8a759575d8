import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';
import { purgeMailCenter } from '../../../api/src/services/mail-center/purge-mail-center.js';
import { seedDemoData } from '../../../api/src/services/demo/seed-demo-data.js';
import { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { aMailCenterItem } from '../../unit/store/store-records.js';

// What the instances sharing one database must agree on: the same SECRET_KEY (an instance holding another refuses to
// start, naming the setting; the EC_ID keys are in the database, sealed with it), and one of them runs the hourly
// retention sweep.

const HOUR = 3_600_000;
const key = () => randomBytes(32).toString('base64');

describe('settings every instance must share', () => {
  let database: TestDatabase;
  const dirs: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('cluster_settings');
  });
  afterAll(async () => {
    await database?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cluster-settings-'));
    dirs.push(dir);
    return dir;
  };
  /** The keys the first instance on the database recorded, which later instances must hold. */
  const shared = { SECRET_KEY: key(), DATA_DIR: dataDir() };
  /** Composes an instance on the shared database; no mailbox is configured, so nothing talks to Graph. */
  const start = (env: { SECRET_KEY: string; DATA_DIR: string; INSTANCE_ID: string }) => {
    const parsed = parseConfig({
      NODE_ENV: 'test',
      STORE: 'postgres',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '2',
      LOG_LEVEL: 'silent',
      AAD_APP_CLIENT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
      AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      ...env,
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    return compose(parsed.config, pino({ level: 'silent' }), 'test');
  };

  it('refuses an instance whose SECRET_KEY differs, and gives one with a DATA_DIR of its own the shared EC_ID keys', async () => {
    const first = await start({ ...shared, INSTANCE_ID: 'a' });
    await first.close();

    await expect(start({ ...shared, SECRET_KEY: key(), INSTANCE_ID: 'b' })).rejects.toThrow(
      /^SECRET_KEY differs from the one the other instances/,
    );
    // Same secret key, its own empty DATA_DIR (another machine's disk): the keys are in the database, not the folder.
    const second = await start({ ...shared, DATA_DIR: dataDir(), INSTANCE_ID: 'c' });
    expect(second.services.ecIdKeyring.current.kid).toBe(first.services.ecIdKeyring.current.kid);
    await second.close();
  });

  it('seeds the demo SRs once when demo instances start together', async () => {
    const runtimes = [
      await start({ ...shared, INSTANCE_ID: 'demo-a' }),
      await start({ ...shared, INSTANCE_ID: 'demo-b' }),
    ];
    try {
      const seeded = await Promise.all(runtimes.map((r) => seedDemoData(r.services)));
      const count = await runtimes[0]!.services.store.read((tx) => tx.collection('requests').count());
      expect(seeded.flat()).toHaveLength(count);
      expect(seeded.filter((ids) => ids.length > 0)).toHaveLength(1);
    } finally {
      for (const runtime of runtimes) await runtime.close();
    }
  });

  it('runs the retention sweep on one instance per hour', async () => {
    const stores = await Promise.all(
      ['x', 'y'].map(() => PostgresStore.open({ connectionString: database.url, poolSize: 2 })),
    );
    try {
      const now = Date.now();
      const instance = (store: PostgresStore, name: string, at: number) => ({
        store,
        clock: () => new Date(at),
        cluster: store.clusterState(name),
      });
      const round = (at: number) =>
        Promise.all(
          stores.flatMap((store, i) =>
            [0, 1, 2].map(() => store.clusterState(`i${i}`).claimPeriodic('test-sweep', HOUR, new Date(at))),
          ),
        );
      expect((await round(now)).filter(Boolean)).toHaveLength(1);
      expect((await round(now + HOUR / 2)).filter(Boolean)).toHaveLength(0);
      expect((await round(now + HOUR + 1)).filter(Boolean)).toHaveLength(1);
      // The sweep itself: an item past its retention waits for the next hour when another instance swept this one.
      const [x, y] = stores as [PostgresStore, PostgresStore];
      const put = (id: string) => x.transact((tx) => tx.collection('mailCenter').insert(aMailCenterItem(id)));
      const at = now + 5 * HOUR;
      await put('old-1');
      expect(await purgeMailCenter(instance(x, 'x', at))).toBe(1);
      await put('old-2');
      expect(await purgeMailCenter(instance(y, 'y', at + 60_000))).toBe(0);
      expect(await x.read((tx) => tx.collection('mailCenter').get('old-2'))).toBeDefined();
      expect(await purgeMailCenter(instance(y, 'y', at + HOUR + 60_000))).toBe(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
