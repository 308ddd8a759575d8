import request from 'supertest';
import { AUTHORITY, CLIENT_ID, TENANT_ID, type TestApi } from '../../../support/test-api.js';

// The callers, request bodies and records the route-by-route authorization test needs: every operation of
// /api/openapi.json is called by each kind of caller, with a body it accepts and ids that exist.

export type Operation = { method: string; path: string; role?: string; isPublic: boolean };
export type Caller =
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

const ADDIN_EMAIL = {
  internetMessageId: '<auth@fabrikam.test>',
  subject: 'Hi',
  from: { address: 'pat@fabrikam.test' },
  receivedAt: '2026-03-02T09:30:00Z',
  attachments: [],
};

/** A valid request for each operation that needs a body, so permitted callers get a 2xx, not a 400. */
export const BODIES: Record<string, unknown> = {
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
export const ENGINE_ROUTES = new Set([
  'get /api/admin/mail/accounts/{id}/health',
  'post /api/admin/mail/accounts/{id}/test',
  'post /api/admin/mail/accounts/{id}/sync',
  'post /api/mail-center/{itemId}/link',
  'post /api/mail-center/{itemId}/create-request',
  'post /api/mail-center/{itemId}/reprocess',
]);

export async function fixtures(api: TestApi) {
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

export function idFor(path: string, ids: Awaited<ReturnType<typeof fixtures>>): string {
  if (path.includes('/mail/accounts/')) return ids.accountId;
  if (path.includes('/mail/templates/')) return ids.templateId;
  if (path.includes('/admin/rules/')) return ids.ruleId;
  return ids.id;
}

export async function tokenFor(api: TestApi, caller: Caller): Promise<string | undefined> {
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

export function expected(op: Operation, caller: Caller): 'ok' | 401 | 403 {
  if (op.isPublic) return 'ok';
  // Every caller but the two signed-in roles holds no token the API accepts.
  if (caller !== 'agent' && caller !== 'admin') return 401;
  if (op.role === 'ServiceDesk.Admin' && caller === 'agent') return 403;
  return 'ok';
}

export const CALLERS: Caller[] = [
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
