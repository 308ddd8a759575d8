import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../api/src/services/demo/seed-demo-data.js';
import { createSecretBox } from '../../../api/src/domain/secret-box.js';
import { loadEcIdKeyring } from '../../../api/src/services/ec-id-keys/load-ec-id-keyring.js';
import { copyLowdbToPostgres } from '../../../api/src/store/copy-lowdb-to-postgres.js';
import { createFileEcIdKeyStore } from '../../../api/src/store/file-ec-id-key-store.js';
import { openLowdbStore } from '../../../api/src/store/lowdb-store.js';
import { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { createTestApi, type TestApi } from '../../support/test-api.js';

/** What an agent sees of the desk: the SR list, and each SR with its notes and history. */
async function deskAnswers(api: TestApi): Promise<unknown> {
  const agent = await api.agent();
  const get = async (url: string) =>
    (await request(api.app).get(url).auth(agent, { type: 'bearer' }).expect(200)).body as {
      items: Array<{ number: string }>;
    };
  const list = await get('/api/requests?sort=id&order=asc&limit=100');
  const details = [];
  for (const sr of list.items) {
    details.push([
      await get(`/api/requests/${sr.number}`),
      await get(`/api/requests/${sr.number}/notes`),
      await get(`/api/requests/${sr.number}/history`),
    ]);
  }
  return { list, details, mailCenter: await get('/api/mail-center?state=all') };
}

describe('store:migrate, lowdb to PostgreSQL', () => {
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sm-migrate-'));
    database = await createTestDatabase('store_migrate');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('moves a demo desk so the API answers identically, numbering continues, and a non-empty target needs --force', async () => {
    const file = join(dir, 'db.json');
    const lowdb = await openLowdbStore({ file });
    const before = await createTestApi({ store: lowdb });
    await seedDemoData(before.services);
    const agent = await before.agent();
    await request(before.app)
      .post('/api/requests/1/notes')
      .auth(agent, { type: 'bearer' })
      .send({ body: 'Moved with the desk' })
      .expect(201);
    const answersBefore = await deskAnswers(before);
    await lowdb.close();
    // The desk's EC_ID keys, beside its database file as the API keeps them.
    const keys = await loadEcIdKeyring(createFileEcIdKeyStore(dir), createSecretBox(Buffer.alloc(32, 5)), {
      rotateAfterDays: 90,
      graceDays: 365,
    });

    const target = await PostgresStore.open({ connectionString: database.url, poolSize: 4 });
    try {
      const lines: string[] = [];
      const report = await copyLowdbToPostgres({ file, target, log: (line) => lines.push(line) });
      expect(report.find((r) => r.collection === 'requests')?.copied).toBeGreaterThan(0);
      expect(lines).toContain('verified: every record is in PostgreSQL as it was in lowdb');
      expect(lines).toContain('EC_ID keys: 1');
      expect((await target.ecIdKeyStore().list()).map((k) => k.kid)).toEqual([keys.current.kid]);

      // Running it again (after a failure, say) needs --force and changes nothing that was copied.
      await expect(copyLowdbToPostgres({ file, target })).rejects.toThrow(/already holds .* --force/);
      await expect(copyLowdbToPostgres({ file, target, force: true })).resolves.toEqual(report);

      const after = await createTestApi({ store: target });
      expect(await deskAnswers(after)).toEqual(answersBefore);
      const created = await request(after.app)
        .post('/api/requests')
        .auth(await after.agent(), { type: 'bearer' })
        .send({ title: 'After the move', requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' } })
        .expect(201);
      expect(created.body.id).toBe((answersBefore as { list: { total: number } }).list.total + 1);
    } finally {
      await target.close();
    }
  });
});
