import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, TENANT_ID, createTestApi, type TestApi } from '../../support/test-api.js';
import { allRecords } from '../../support/store-records.js';

// Each refusal must be a clear 4xx in the one error shape, and must leave what is stored as it was.

describe('bad input', () => {
  let api: TestApi;
  let admin: string;
  const snapshot = () =>
    api.services.store.read(async (tx) => ({
      requests: await allRecords(tx, 'requests'),
      accounts: await tx.collection('mailAccounts').all(),
      noteTypes: await tx.collection('noteTypes').all(),
      history: await tx.collection('history').count(),
    }));
  const post = (url: string) => request(api.app).post(url).auth(admin, { type: 'bearer' });
  const account = (extra: object = {}) => ({
    emailAddress: 'desk@contoso.test',
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: 'secret-value-1234',
    ...extra,
  });

  beforeEach(async () => {
    api = await createTestApi();
    admin = await api.admin();
    await post('/api/requests')
      .send({ title: 'Existing', requester: { name: 'Lee', email: 'lee@fabrikam.test' } })
      .expect(201);
  });

  async function expectRefused(call: () => request.Test, status: number, code: string) {
    const before = await snapshot();
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(await snapshot()).toEqual(before);
    return res;
  }

  it('malformed JSON', () =>
    expectRefused(
      () => post('/api/requests').set('content-type', 'application/json').send('{"title": '),
      400,
      'malformed_json',
    ));
  it('unknown fields', () =>
    expectRefused(
      () =>
        post('/api/requests').send({
          title: 'x',
          requester: { name: 'a', email: 'a@b.test' },
          isAdmin: true,
        }),
      400,
      'validation_failed',
    ));
  it('wrong types', () =>
    expectRefused(
      () => post('/api/requests').send({ title: 42, requester: 'me' }),
      400,
      'validation_failed',
    ));
  it('over-long strings', () =>
    expectRefused(
      () =>
        post('/api/requests').send({ title: 'x'.repeat(201), requester: { name: 'a', email: 'a@b.test' } }),
      400,
      'validation_failed',
    ));
  it('huge bodies', () =>
    expectRefused(
      () => post('/api/requests/1/notes').send({ body: 'x'.repeat(2 * 1024 * 1024) }),
      413,
      'payload_too_large',
    ));
  it('unknown SR ids', () =>
    expectRefused(() => post('/api/requests/SR-004242/notes').send({ body: 'hello' }), 404, 'not_found'));
  it('an invalid email address', () =>
    expectRefused(
      () => post('/api/requests').send({ title: 'x', requester: { name: 'a', email: 'not-an-address' } }),
      400,
      'validation_failed',
    ));
  it('unknown query parameters on a route that takes none', () =>
    expectRefused(
      () => request(api.app).get('/api/requests/1/notes?debug=1').auth(admin, { type: 'bearer' }),
      400,
      'validation_failed',
    ));

  it('a file name that tries to climb out of its folder is kept as a plain name', async () => {
    const res = await post('/api/requests/1/attachments')
      .attach('file', Buffer.from('x'), '..\\..\\windows\\system.ini')
      .expect(201);
    expect(res.body.fileName).toBe('system.ini');
    await expectRefused(
      () => post('/api/requests/1/attachments').attach('file', Buffer.from('x'), '...'),
      400,
      'validation_failed',
    );
  });

  it('a second Default mail account', async () => {
    await post('/api/admin/mail/accounts')
      .send(account({ isDefault: true }))
      .expect(201);
    const res = await expectRefused(
      () =>
        post('/api/admin/mail/accounts').send(
          account({ emailAddress: 'other@contoso.test', isDefault: true }),
        ),
      409,
      'conflict',
    );
    expect(res.body.error.message).toContain('Default');
  });

  it('deleting the PUBLIC note type while service messaging is on', async () => {
    await post('/api/admin/mail/accounts')
      .send(account({ isDefault: true, serviceMessaging: true }))
      .expect(201);
    const res = await expectRefused(
      () => request(api.app).delete('/api/admin/note-types/PUBLIC').auth(admin, { type: 'bearer' }),
      409,
      'conflict',
    );
    expect(res.body.error.message).toContain('PUBLIC');
    await expectRefused(
      () =>
        request(api.app)
          .patch('/api/admin/note-types/public')
          .auth(admin, { type: 'bearer' })
          .send({ accessLevel: 'Agent' }),
      409,
      'conflict',
    );
  });

  it('turning service messaging on without a PUBLIC note type', async () => {
    await request(api.app).delete('/api/admin/note-types/PUBLIC').auth(admin, { type: 'bearer' }).expect(204);
    const res = await expectRefused(
      () => post('/api/admin/mail/accounts').send(account({ serviceMessaging: true })),
      422,
      'precondition_failed',
    );
    expect(res.body.error.message).toContain('PUBLIC');
  });

  it('an unknown route answers 404 in the same shape', async () => {
    const res = await request(api.app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('route_not_found');
  });
});
