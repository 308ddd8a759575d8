import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, type TokenOptions } from '../../support/test-api.js';

// Issue 15 finding 6: the API accepted a token without exp (valid forever) and an ID token carrying roles. Only
// access tokens as Entra issues them get in: exp, iat, tid and oid present, typ JWT, ver matching the issuer, and
// the client that asked for it (azp / appid), which ID tokens lack.

const REFUSED: Array<[string, TokenOptions]> = [
  ['no exp', { roles: ['ServiceDesk.Admin'], omit: ['exp'] }],
  ['no iat', { roles: ['ServiceDesk.Admin'], omit: ['iat'] }],
  ['no tid', { roles: ['ServiceDesk.Admin'], omit: ['tid'] }],
  ['no oid', { roles: ['ServiceDesk.Admin'], omit: ['oid'] }],
  ['no ver', { roles: ['ServiceDesk.Admin'], omit: ['ver'] }],
  ['an ID token with roles', { roles: ['ServiceDesk.Admin'], shape: 'id' }],
  ['an access token without azp', { roles: ['ServiceDesk.Admin'], omit: ['azp'] }],
];

describe('access token shape', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });

  it.each(REFUSED)('refuses %s with 401 and a reason', async (_label, options) => {
    const res = await request(api.app)
      .get('/api/admin/settings')
      .auth(await api.token(options), { type: 'bearer' })
      .expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(res.body.error.message).toMatch(/token/i);
  });

  it('says which claim is missing', async () => {
    const res = await request(api.app)
      .get('/api/me')
      .auth(await api.token({ omit: ['exp'] }), { type: 'bearer' })
      .expect(401);
    expect(res.body.error.message).toContain('exp');
  });

  it('accepts a complete v2 access token', async () => {
    await request(api.app)
      .get('/api/admin/settings')
      .auth(await api.admin(), { type: 'bearer' })
      .expect(200);
  });
});
