import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/test-api.js';

describe('Service Requests over HTTP', () => {
  let api: TestApi;
  let agent: string;
  const as = (token: string) => ({
    get: (url: string) => request(api.app).get(url).auth(token, { type: 'bearer' }),
    post: (url: string) => request(api.app).post(url).auth(token, { type: 'bearer' }),
    patch: (url: string) => request(api.app).patch(url).auth(token, { type: 'bearer' }),
  });

  beforeEach(async () => {
    api = await createTestApi();
    agent = await api.agent();
  });

  const create = (title: string, extra: object = {}) =>
    as(agent)
      .post('/api/requests')
      .send({ title, requester: { name: 'Lee Gu', email: 'Lee@Fabrikam.test' }, ...extra })
      .expect(201);

  it('creates an SR numbered SR-000001 with status New and a history entry', async () => {
    const res = await create('Printer jams', {
      participants: ['Megan@fabrikam.test', 'megan@fabrikam.test'],
    });
    expect(res.body).toMatchObject({
      id: 1,
      number: 'SR-000001',
      status: 'New',
      isClosed: false,
      priority: 'Medium',
      participants: ['megan@fabrikam.test'],
    });
    expect(res.body.requester.email).toBe('lee@fabrikam.test');
    expect(res.headers.location).toBe('/api/requests/SR-000001');
    const history = await as(agent).get('/api/requests/SR-000001/history').expect(200);
    expect(history.body.items.map((h: { kind: string }) => h.kind)).toEqual(['created']);
  });

  it('accepts SR-000123, sr-123 and 123 for the same SR', async () => {
    await create('One');
    for (const ref of ['SR-000001', 'sr-1', '1'])
      expect((await as(agent).get(`/api/requests/${ref}`).expect(200)).body.id).toBe(1);
    const missing = await as(agent).get('/api/requests/SR-000999').expect(404);
    expect(missing.body.error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('SR-000999'),
    });
    await as(agent).get('/api/requests/abc').expect(400);
  });

  it('lists open SRs only on request, sorts by requester and assignee, and pages by page number', async () => {
    await create('Alpha', { requester: { name: 'Zoe Ball', email: 'zoe@fabrikam.test' } });
    await create('Bravo', { requester: { name: 'Adam Ant', email: 'adam@fabrikam.test' } });
    await create('Charlie', { requester: { name: 'Mia Moe', email: 'mia@fabrikam.test' } });
    await as(agent).patch('/api/requests/1').send({ status: 'Resolved' }).expect(200);
    await as(agent)
      .patch('/api/requests/3')
      .send({ assignee: { name: 'Bea Agent', email: 'bea@contoso.test' } })
      .expect(200);
    const titles = (res: request.Response) => res.body.items.map((s: { title: string }) => s.title);

    expect(titles(await as(agent).get('/api/requests?open=true&sort=title&order=asc').expect(200))).toEqual([
      'Bravo',
      'Charlie',
    ]);
    expect(titles(await as(agent).get('/api/requests?open=false').expect(200))).toEqual(['Alpha']);
    expect(titles(await as(agent).get('/api/requests?sort=requester&order=asc').expect(200))).toEqual([
      'Bravo',
      'Charlie',
      'Alpha',
    ]);
    // Unassigned SRs come after every assignee.
    expect(titles(await as(agent).get('/api/requests?sort=assignee&order=asc').expect(200))[0]).toBe(
      'Charlie',
    );
    const second = await as(agent).get('/api/requests?sort=id&order=asc&limit=2&page=2').expect(200);
    expect(titles(second)).toEqual(['Charlie']);
    expect(second.body.total).toBe(3);
    await as(agent).get('/api/requests?page=0').expect(400);
  });

  it('searches, filters, sorts and pages', async () => {
    for (const title of ['Alpha printer', 'Bravo laptop', 'Charlie printer', 'Delta phone'])
      await create(title);
    await as(agent)
      .patch('/api/requests/2')
      .send({ status: 'Open', assignee: { name: 'Agent', email: 'agent@contoso.test' } })
      .expect(200);

    const printers = await as(agent).get('/api/requests?q=printer&sort=title&order=asc').expect(200);
    expect(printers.body.items.map((s: { title: string }) => s.title)).toEqual([
      'Alpha printer',
      'Charlie printer',
    ]);
    expect(
      (await as(agent).get('/api/requests?status=Open').expect(200)).body.items.map(
        (s: { id: number }) => s.id,
      ),
    ).toEqual([2]);
    expect((await as(agent).get('/api/requests?assignee=me').expect(200)).body.total).toBe(1);
    expect((await as(agent).get('/api/requests?assignee=unassigned').expect(200)).body.total).toBe(3);

    const first = await as(agent).get('/api/requests?sort=id&order=asc&limit=3').expect(200);
    expect(first.body).toMatchObject({ total: 4, nextCursor: expect.any(String) });
    expect(first.body.items.map((s: { id: number }) => s.id)).toEqual([1, 2, 3]);
    const second = await as(agent)
      .get(`/api/requests?sort=id&order=asc&limit=3&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.items.map((s: { id: number }) => s.id)).toEqual([4]);
    expect(second.body.nextCursor).toBeUndefined();
    await as(agent).get('/api/requests?cursor=not-ours').expect(400);
  });

  it('changes status, assignee and participants, recording each in the history', async () => {
    await create('Laptop');
    const res = await as(agent)
      .patch('/api/requests/1')
      .send({
        status: 'awaiting customer',
        assignee: { name: 'Agent', email: 'agent@contoso.test' },
        participants: ['x@fabrikam.test'],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'Awaiting Customer',
      assignee: { email: 'agent@contoso.test' },
      participants: ['x@fabrikam.test'],
    });
    const kinds = (await as(agent).get('/api/requests/1/history').expect(200)).body.items.map(
      (h: { kind: string }) => h.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['status-changed', 'assigned', 'updated', 'created']));
    const closed = await as(agent).patch('/api/requests/1').send({ status: 'Closed' }).expect(200);
    expect(closed.body.isClosed).toBe(true);
  });

  it('refuses a status the desk does not have, changing nothing', async () => {
    await create('Laptop');
    const res = await as(agent).patch('/api/requests/1').send({ status: 'Teleported' }).expect(400);
    expect(res.body.error.message).toContain('Teleported');
    expect((await as(agent).get('/api/requests/1').expect(200)).body.status).toBe('New');
  });

  it('adds notes, sanitising HTML, oldest first', async () => {
    await create('Laptop');
    await as(agent).post('/api/requests/1/notes').send({ body: 'First line\nsecond line' }).expect(201);
    const html = await as(agent)
      .post('/api/requests/1/notes')
      .send({
        typeCode: 'internal',
        body: '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">link</a></p>',
      })
      .expect(201);
    expect(html.body.bodyHtml).not.toMatch(/script|onclick|javascript:/i);
    expect(html.body).toMatchObject({ typeCode: 'INTERNAL', accessLevel: 'Agent', source: 'agent' });
    const notes = await as(agent).get('/api/requests/1/notes').expect(200);
    expect(notes.body.items.map((n: { bodyText: string }) => n.bodyText)).toEqual([
      'First line\nsecond line',
      'Hi link',
    ]);
    await as(agent).post('/api/requests/1/notes').send({ typeCode: 'NOPE', body: 'x' }).expect(400);
  });

  it('stores attachments in folders and serves the same bytes as a download', async () => {
    await create('Laptop');
    const bytes = Buffer.from('%PDF-1.7 pretend');
    const up = await as(agent)
      .post('/api/requests/1/attachments')
      .field('folder', 'other')
      .attach('file', bytes, { filename: '../../etc/passwd report.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(up.body).toMatchObject({
      folder: 'Other',
      fileName: 'passwd report.pdf',
      size: bytes.length,
      contentType: 'application/pdf',
    });
    const list = await as(agent).get('/api/requests/1/attachments').expect(200);
    expect(list.body.items).toHaveLength(1);
    const down = await as(agent)
      .get(up.body.contentUrl)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(down.body as Buffer, bytes)).toBe(0);
    expect(down.headers['content-disposition']).toContain('attachment');
    await as(agent)
      .post('/api/requests/1/attachments')
      .field('folder', 'Secret')
      .attach('file', bytes, 'a.pdf')
      .expect(400);
    await as(agent).get('/api/requests/1/attachments/nope/content').expect(404);
  });
});

describe('pages the app manifest links to', () => {
  it('serves the privacy and terms pages from our own host, framable by Teams', async () => {
    const api = await createTestApi();
    for (const page of ['/privacy', '/terms']) {
      const res = await request(api.app).get(page).expect(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-security-policy']).toContain('https://teams.microsoft.com');
      expect(res.headers['x-frame-options']).toBeUndefined();
    }
  });
});
