import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTHORITY, CLIENT_ID, TENANT_ID, createTestApi, type TestApi } from '../../support/test-api.js';

// Walks every operation in /api/openapi.json with each kind of caller, so a route added without the
// right guard fails here.

type Operation = { method: string; path: string; role?: string; isPublic: boolean };
type Caller =
  | 'none'
  | 'expired'
  | 'noExpiry'
  | 'idToken'
  | 'wrongAudience'
  | 'wrongIssuer'
  | 'foreignKey'
  | 'noScope'
  | 'agent'
  | 'admin';

const ACCOUNT = {
  emailAddress: 'desk@contoso.test',
  tenantId: TENANT_ID,
  clientId: CLIENT_ID,
  clientSecret: 'a-client-secret-value',
};

const OWNER_OID = 'c0ffee00-1234-4abc-8def-0123456789ab';

const ADDIN_EMAIL = {
  internetMessageId: '<auth@fabrikam.test>',
  subject: 'Hi',
  from: { address: 'pat@fabrikam.test' },
  receivedAt: '2026-03-02T09:30:00Z',
  attachments: [],
};

/** A valid request for each operation that needs a body, so permitted callers get a 2xx, not a 400. */
const BODIES: Record<string, unknown> = {
  'post /api/requests': { title: 'Printer jam', requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' } },
  'patch /api/requests/{id}': { status: 'Open' },
  'post /api/requests/{id}/notes': { body: 'We are on it.' },
  'post /api/admin/note-types': { code: 'PHONE', name: 'Phone call', accessLevel: 'Agent' },
  'patch /api/admin/note-types/{code}': { name: 'Internal only' },
  'post /api/admin/mail/accounts': { ...ACCOUNT, emailAddress: 'second@contoso.test' },
  'patch /api/admin/mail/accounts/{id}': { folder: 'Support' },
  'post /api/addin/lookup': { email: ADDIN_EMAIL },
  'post /api/addin/suggestions': { email: ADDIN_EMAIL },
  // Declared in this order: file puts the email on the fixture SR, move takes it to the SR 'post /api/requests' made.
  'post /api/addin/file': { requestId: 'SR-000001', email: ADDIN_EMAIL, attachments: [] },
  'post /api/addin/create': {
    email: { ...ADDIN_EMAIL, internetMessageId: '<auth-create@fabrikam.test>' },
    attachments: [],
  },
  'post /api/addin/move': {
    internetMessageId: ADDIN_EMAIL.internetMessageId,
    fromRequestId: 'SR-000001',
    toRequestId: 'SR-000002',
  },
  'post /api/admin/mail/templates': {
    name: 'Another template',
    subject: 'About #SR_ID#',
    bodyHtml: '<p>Hello #REQUESTER_NAME#</p>',
  },
  'put /api/admin/mail/templates/{id}': {
    name: 'Renamed template',
    subject: 'About #SR_ID#',
    bodyHtml: '<p>Hello</p>',
  },
  'post /api/admin/mail/templates/{id}/preview': { requestId: 'SR-000001' },
  'post /api/admin/rules': {
    name: 'Another rule',
    trigger: { kind: 'assigned' },
    templateId: 'status-update',
    recipients: [{ kind: 'assignee' }],
  },
  'put /api/admin/rules/{id}': {
    name: 'Renamed rule',
    trigger: { kind: 'note-added' },
    templateId: 'status-update',
    recipients: [{ kind: 'requester' }],
  },
  'post /api/requests/{id}/emails': { templateId: 'reply-to-customer' },
  'post /api/requests/{id}/emails/preview': { templateId: 'reply-to-customer' },
  'post /api/requests/{id}/snippets': { templateId: 'reply-to-customer' },
  'post /api/mail-center/discard': { itemIds: ['not-an-item'] },
  'post /api/mail-center/{itemId}/link': { requestId: 'SR-000001' },
};

/** Routes the running mail engine answers; the test API has none, so a permitted caller gets 503, after the guard. */
const ENGINE_ROUTES = new Set([
  'get /api/admin/mail/accounts/{id}/health',
  'post /api/admin/mail/accounts/{id}/test',
  'post /api/admin/mail/accounts/{id}/sync',
  'post /api/mail-center/{itemId}/link',
  'post /api/mail-center/{itemId}/create-request',
  'post /api/mail-center/{itemId}/reprocess',
]);

async function fixtures(api: TestApi) {
  const admin = await api.admin();
  const sr = await request(api.app)
    .post('/api/requests')
    .auth(admin, { type: 'bearer' })
    .send({ title: 'Seed', requester: { name: 'Diego', email: 'diego@fabrikam.test' } })
    .expect(201);
  const account = await request(api.app)
    .post('/api/admin/mail/accounts')
    .auth(admin, { type: 'bearer' })
    .send({ ...ACCOUNT, isDefault: true, serviceMessaging: true })
    .expect(201);
  const rule = await request(api.app)
    .post('/api/admin/rules')
    .auth(admin, { type: 'bearer' })
    .send({
      name: 'Seed rule',
      trigger: { kind: 'sr-created' },
      templateId: 'request-received',
      recipients: [{ kind: 'requester' }],
    })
    .expect(201);
  const attachment = await request(api.app)
    .post(`/api/requests/${sr.body.number}/attachments`)
    .auth(admin, { type: 'bearer' })
    .attach('file', Buffer.from('hello'), 'hello.txt')
    .expect(201);
  const original = await api.services.blobs.put(Buffer.from('Subject: Hello\r\n\r\nHi\r\n'));
  const now = new Date().toISOString();
  await api.services.store.transact((tx) =>
    tx.collection('mailCenter').insert({
      id: 'mc-1',
      accountId: account.body.id as string,
      mailbox: 'desk@contoso.test',
      from: { address: 'pat@fabrikam.test' },
      to: [],
      cc: [],
      subject: 'Hello',
      receivedAt: now,
      bodyPreview: 'Hi',
      reason: 'no-marker',
      evidence: [],
      candidateRequestIds: [],
      state: 'open',
      originalRef: original.sha256,
      originalContentType: 'message/rfc822',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    }),
  );
  // An email note keeping that original, for "view original".
  await api.services.store.transact((tx) =>
    tx.collection('notes').insert({
      id: 'note-1',
      requestId: sr.body.id as number,
      typeCode: 'PUBLIC',
      accessLevel: 'User',
      source: 'email',
      bodyHtml: '<p>Hi</p>',
      bodyText: 'Hi',
      author: { id: 'email:pat@fabrikam.test', name: 'Pat' },
      createdAt: now,
      email: {
        from: { address: 'pat@fabrikam.test' },
        subject: 'Hello',
        receivedAt: now,
        signal: 'manual',
        originalRef: original.sha256,
        originalContentType: 'message/rfc822',
      },
    }),
  );
  return {
    id: sr.body.number as string,
    accountId: account.body.id as string,
    itemId: 'mc-1',
    noteId: 'note-1',
    templateId: 'reply-to-customer',
    ruleId: rule.body.id as string,
    attachmentId: attachment.body.id as string,
    settings: (await request(api.app).get('/api/admin/settings').auth(admin, { type: 'bearer' })).body,
  };
}

function idFor(path: string, ids: Awaited<ReturnType<typeof fixtures>>): string {
  if (path.includes('/mail/accounts/')) return ids.accountId;
  if (path.includes('/mail/templates/')) return ids.templateId;
  if (path.includes('/admin/rules/')) return ids.ruleId;
  return ids.id;
}

async function tokenFor(api: TestApi, caller: Caller): Promise<string | undefined> {
  switch (caller) {
    case 'none':
      return undefined;
    case 'expired':
      return api.token({ roles: ['ServiceDesk.Admin'], expiresInSec: -3600 });
    // Issue 15 finding 6: both were accepted before.
    case 'noExpiry':
      return api.token({ roles: ['ServiceDesk.Admin'], omit: ['exp'] });
    case 'idToken':
      return api.token({ roles: ['ServiceDesk.Admin'], shape: 'id' });
    case 'wrongAudience':
      return api.token({ roles: ['ServiceDesk.Admin'], audience: 'api://someone-else' });
    case 'wrongIssuer':
      return api.token({
        roles: ['ServiceDesk.Admin'],
        issuer: `${AUTHORITY}/00000000-0000-4000-8000-000000000000/v2.0`,
      });
    case 'foreignKey':
      return api.token({ roles: ['ServiceDesk.Admin'], signWith: 'stranger' });
    case 'noScope':
      return api.token({ roles: [], scp: 'User.Read' });
    case 'agent':
      return api.agent();
    case 'admin':
      return api.admin();
  }
}

function expected(op: Operation, caller: Caller): 'ok' | 401 | 403 {
  if (op.isPublic) return 'ok';
  if (
    [
      'none',
      'expired',
      'noExpiry',
      'idToken',
      'wrongAudience',
      'wrongIssuer',
      'foreignKey',
      'noScope',
    ].includes(caller)
  )
    return 401;
  if (op.role === 'ServiceDesk.Admin' && caller === 'agent') return 403;
  return 'ok';
}

const CALLERS: Caller[] = [
  'none',
  'expired',
  'noExpiry',
  'idToken',
  'wrongAudience',
  'wrongIssuer',
  'foreignKey',
  'noScope',
  'agent',
  'admin',
];

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
