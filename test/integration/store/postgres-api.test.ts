import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { createTestApi, type TestApi } from '../../support/test-api.js';

// The API on PostgreSQL, reached through a relay that can lose the database mid-run.
describe('the API on PostgreSQL', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let store: PostgresStore;
  let api: TestApi;
  let agent: string;
  const get = (url: string) => request(api.app).get(url).auth(agent, { type: 'bearer' });
  const post = (url: string) => request(api.app).post(url).auth(agent, { type: 'bearer' });

  beforeAll(async () => {
    database = await createTestDatabase('store_api');
    const url = new URL(database.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    store = await PostgresStore.open({ connectionString: url.toString(), poolSize: 4 });
    api = await createTestApi({
      store,
      extra: { healthChecks: [async () => ({ name: 'store', ...(await store.health()) })] },
    });
    agent = await api.agent();
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await database?.drop();
  });

  const create = (title: string) =>
    post('/api/requests')
      .send({ title, requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' } })
      .expect(201);

  it('lists SRs with search, filter, sort and a keyset cursor; bad input is a 400', async () => {
    for (const title of ['Alpha printer', 'Bravo 100% laptop', 'Charlie printer', "Delta O'Neil phone"])
      await create(title);
    const printers = await get('/api/requests?q=PRINTER&sort=title&order=asc').expect(200);
    expect(printers.body.items.map((s: { title: string }) => s.title)).toEqual([
      'Alpha printer',
      'Charlie printer',
    ]);
    expect(
      (await get('/api/requests?q=100%25').expect(200)).body.items.map((s: { id: number }) => s.id),
    ).toEqual([2]);
    expect((await get(`/api/requests?q=${encodeURIComponent("o'neil")}`).expect(200)).body.total).toBe(1);
    const first = await get('/api/requests?sort=id&order=asc&limit=3').expect(200);
    expect(first.body).toMatchObject({ total: 4, nextCursor: expect.any(String) });
    const rest = await get(`/api/requests?sort=id&order=asc&limit=3&cursor=${first.body.nextCursor}`).expect(
      200,
    );
    expect(rest.body.items.map((s: { id: number }) => s.id)).toEqual([4]);
    // A cursor is tied to its sort: a title cursor cannot page an id sort.
    const byTitle = await get('/api/requests?sort=title&limit=1').expect(200);
    await get(`/api/requests?sort=id&cursor=${byTitle.body.nextCursor}`).expect(400);
    await get('/api/requests?cursor=not-a-cursor').expect(400);
    await get('/api/requests?sort=colour').expect(400);
    const control = await get('/api/requests?q=%00').expect(400);
    expect(control.body.error.code).toBe('validation_failed');
  });

  it('stores notes and reads them back with the SR', async () => {
    const sr = await create('Notes here');
    await post(`/api/requests/${sr.body.number}/notes`).send({ body: 'Hello' }).expect(201);
    const notes = await get(`/api/requests/${sr.body.number}/notes`).expect(200);
    expect(notes.body.items.map((n: { bodyText: string }) => n.bodyText)).toEqual(['Hello']);
  });

  it('a lost database answers 503 and a not-ok health, changes nothing, and work resumes when it is back', async () => {
    const before = (await get('/api/requests').expect(200)).body.total as number;
    await proxy.cut();
    const lost = await get('/api/requests').expect(503);
    expect(lost.body.error.code).toBe('service_unavailable');
    await post('/api/requests')
      .send({ title: 'During the outage', requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' } })
      .expect(503);
    const health = await request(api.app).get('/api/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.checks).toContainEqual(expect.objectContaining({ name: 'store', ok: false }));
    await proxy.restore();
    // Connections the pool held died with the relay; the first request after may meet one, so poll with a bound.
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) status = (await get('/api/requests')).status;
    expect(status).toBe(200);
    expect((await get('/api/requests').expect(200)).body.total).toBe(before);
    expect((await request(api.app).get('/api/health').expect(200)).body.status).toBe('ok');
  });
});
