import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../../support/test-api.js';
import {
  BODIES,
  CALLERS,
  ENGINE_ROUTES,
  expected,
  fixtures,
  idFor,
  tokenFor,
  type Operation,
} from './support/route-callers.js';

// Walks every operation in /api/openapi.json with each kind of caller, so a route added without the
// right guard fails here.

const OWNER_OID = 'c0ffee00-1234-4abc-8def-0123456789ab';

describe('authorization on every route', () => {
  let operations: Operation[] = [];

  beforeAll(async () => {
    const api = await createTestApi();
    const doc = (await request(api.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-required-role'?: string }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method,
        path,
        role: op['x-required-role'],
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
    // Deletions last, so the other operations still find what they act on.
    operations.sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
  });

  it('lists the routes of the public contract', () => {
    const listed = operations.map((o) => `${o.method} ${o.path}`);
    for (const route of [
      'get /api/requests',
      'post /api/requests',
      'get /api/requests/{id}',
      'patch /api/requests/{id}',
      'get /api/requests/{id}/notes',
      'post /api/requests/{id}/notes',
      'get /api/requests/{id}/attachments',
      'post /api/requests/{id}/attachments',
      'get /api/requests/{id}/attachments/{attachmentId}/content',
      'get /api/requests/{id}/history',
      'get /api/admin/note-types',
      'get /api/admin/mail/accounts',
      'get /api/health',
    ]) {
      expect(listed).toContain(route);
    }
  });

  it.each(CALLERS)('answers a %s caller as its role allows', async (caller) => {
    const api = await createTestApi();
    const ids = await fixtures(api);
    const bearer = await tokenFor(api, caller);
    const outcomes: string[] = [];
    for (const op of operations) {
      const url = op.path
        .replace('{id}', idFor(op.path, ids))
        .replace('{attachmentId}', ids.attachmentId)
        .replace('{code}', 'INTERNAL')
        .replace('{itemId}', ids.itemId)
        .replace('{noteId}', ids.noteId);
      let call = request(api.app)[op.method as 'get'](url);
      if (bearer) call = call.auth(bearer, { type: 'bearer' });
      const key = `${op.method} ${op.path}`;
      if (key === 'post /api/requests/{id}/attachments')
        call = call.attach('file', Buffer.from('x'), 'x.txt');
      else if (key === 'put /api/admin/settings') call = call.send(ids.settings);
      else if (BODIES[key]) call = call.send(BODIES[key] as object);
      // The live event stream never ends for a permitted caller: its status is read without waiting for the end.
      const res = key === 'get /api/events' ? await streamAnswer(api.app, url, bearer) : await call;
      const want = expected(op, caller);
      const ok =
        want === 'ok'
          ? (res.status >= 200 && res.status < 300) || (ENGINE_ROUTES.has(key) && res.status === 503)
          : res.status === want;
      if (!ok)
        outcomes.push(
          `${key}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      if (typeof want === 'number')
        expect(res.body.error?.code).toBe(want === 401 ? 'unauthenticated' : 'forbidden');
    }
    expect(outcomes).toEqual([]);
  });

  it('lets an admin named in ADMIN_OBJECT_IDS in without the app role, by object id and not by UPN', async () => {
    const api = await createTestApi({ adminObjectIds: [OWNER_OID] });
    const token = await api.token({ roles: [], upn: 'owner@contoso.test', oid: OWNER_OID.toUpperCase() });
    await request(api.app).get('/api/admin/mail/accounts').auth(token, { type: 'bearer' }).expect(200);
    // Someone else holding the owner's UPN (a renamed or re-used account) is not an admin (issue 15 finding 6).
    const lookalike = await api.token({ roles: ['ServiceDesk.Agent'], upn: 'owner@contoso.test' });
    await request(api.app).get('/api/admin/mail/accounts').auth(lookalike, { type: 'bearer' }).expect(403);
  });
});

describe('/api/me', () => {
  it('shows the roles the API grants, including admins named in ADMIN_OBJECT_IDS', async () => {
    const api = await createTestApi({ adminObjectIds: [OWNER_OID] });
    const owner = await api.token({
      roles: ['ServiceDesk.Agent'],
      upn: 'owner@contoso.test',
      oid: OWNER_OID,
    });
    const me = await request(api.app).get('/api/me').auth(owner, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({
      email: 'owner@contoso.test',
      roles: expect.arrayContaining(['ServiceDesk.Admin', 'ServiceDesk.Agent']),
    });
    const agent = await request(api.app)
      .get('/api/me')
      .auth(await api.agent(), { type: 'bearer' })
      .expect(200);
    expect(agent.body.roles).toEqual(['ServiceDesk.Agent']);
  });
});

/** A stream's status, and its JSON body when refused, read as soon as the headers arrive; the stream is then closed. */
async function streamAnswer(
  app: Express,
  path: string,
  bearer: string | undefined,
): Promise<{ status: number; body: { error?: { code?: string } } }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const controller = new AbortController();
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      signal: controller.signal,
    });
    const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
    return { status: res.status, body: isJson ? ((await res.json()) as { error?: { code?: string } }) : {} };
  } finally {
    controller.abort();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
