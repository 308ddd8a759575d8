import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger.js';
import { CLIENT_ID, TENANT_ID, createTestApi } from '../../support/test-api.js';

describe('structured logs', () => {
  it('carry the request id and never the bearer token or a client secret', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    const api = await createTestApi({ extra: { logger } });
    const admin = await api.admin();
    const res = await request(api.app)
      .post('/api/admin/mail/accounts')
      .auth(admin, { type: 'bearer' })
      .set('x-request-id', 'trace-0001-abcd')
      .send({
        emailAddress: 'desk@contoso.test',
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        clientSecret: 'never-log-this-secret',
      })
      .expect(201);
    expect(res.headers['x-request-id']).toBe('trace-0001-abcd');
    const log = lines.join('');
    expect(log).toContain('trace-0001-abcd');
    expect(log).not.toContain('never-log-this-secret');
    expect(log).not.toContain(admin);
    // One short line per request: method, path and status, not the headers.
    const completed = lines
      .map((l) => JSON.parse(l) as { msg?: string; req?: unknown; res?: unknown })
      .find((l) => l.msg?.startsWith('POST /api/admin/mail/accounts 201'));
    expect(completed).toMatchObject({
      level: 30,
      req: { id: 'trace-0001-abcd', method: 'POST', url: '/api/admin/mail/accounts' },
      res: { statusCode: 201 },
    });
    expect(log).not.toContain('content-security-policy');
  });
});
