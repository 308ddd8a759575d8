import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, TENANT_ID, createTestApi, type TestApi } from '../../support/test-api.js';

describe('mail accounts', () => {
  let api: TestApi;
  let admin: string;
  const call = (method: 'get' | 'post' | 'patch' | 'delete', url: string) =>
    request(api.app)[method](url).auth(admin, { type: 'bearer' });

  beforeEach(async () => {
    api = await createTestApi();
    admin = await api.admin();
  });

  it('fills the seed guide defaults and never returns the secret', async () => {
    const res = await call('post', '/api/admin/mail/accounts')
      .send({
        emailAddress: 'Desk@Contoso.test',
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        clientSecret: 'super-secret-XYZ9',
        isDefault: true,
        serviceMessaging: true,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      emailAddress: 'desk@contoso.test',
      userPrincipalName: 'desk@contoso.test',
      incomingPort: 143,
      outgoingPort: 587,
      folder: 'Inbox',
      afterProcessing: 'mark-read',
      clientSecret: { isSet: true, last4: 'XYZ9' },
    });
    expect(JSON.stringify(res.body)).not.toContain('super-secret');
    const stored = await api.services.store.read((tx) => tx.collection('mailAccounts').get(res.body.id));
    expect(JSON.stringify(stored)).not.toContain('super-secret');
    expect(api.services.secrets.open(stored!.clientSecret!)).toBe('super-secret-XYZ9');
  });

  it('takes an IMAP/SMTP account with a password (no tenant needed), seals the password and never returns it', async () => {
    const res = await call('post', '/api/admin/mail/accounts')
      .send({
        emailAddress: 'desk@fabrikam.test',
        transport: 'imap-smtp',
        incomingHost: 'imap.fabrikam.test',
        incomingPort: 993,
        incomingSecurity: 'tls',
        outgoingHost: 'smtp.fabrikam.test',
        outgoingPort: 465,
        outgoingSecurity: 'tls',
        authMethod: 'password',
        password: 'imap-pass-123',
        serviceMessaging: true,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      transport: 'imap-smtp',
      incomingSecurity: 'tls',
      authMethod: 'password',
      password: { isSet: true },
      clientSecret: { isSet: false },
    });
    expect(JSON.stringify(res.body)).not.toContain('imap-pass');
    const stored = await api.services.store.read((tx) => tx.collection('mailAccounts').get(res.body.id));
    expect(JSON.stringify(stored)).not.toContain('imap-pass');
    expect(api.services.secrets.open(stored!.password!)).toBe('imap-pass-123');
  });

  it('refuses an OAuth account without its tenant and client ids, and Service Messaging without the password, changing nothing', async () => {
    const oauth = await call('post', '/api/admin/mail/accounts')
      .send({ emailAddress: 'x@contoso.test', transport: 'imap-smtp', authMethod: 'oauth2' })
      .expect(400);
    expect(JSON.stringify(oauth.body.error)).toContain('tenantId');
    const noPassword = await call('post', '/api/admin/mail/accounts').send({
      emailAddress: 'y@contoso.test',
      transport: 'imap-smtp',
      authMethod: 'password',
      serviceMessaging: true,
    });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.error.message).toContain('the IMAP/SMTP password');
    expect((await call('get', '/api/admin/mail/accounts').expect(200)).body.items).toEqual([]);
  });

  it('keeps the authserv-ids an IMAP account trusts, refuses a name that is not a host name, and an empty list restores the default', async () => {
    const body = {
      emailAddress: 'mx@fabrikam.test',
      transport: 'imap-smtp',
      incomingHost: 'imap.fabrikam.test',
      authMethod: 'password',
      password: 'pw-123456',
    };
    const bad = await call('post', '/api/admin/mail/accounts')
      .send({ ...body, authservIds: ['mx.fabrikam.test; spf=pass'] })
      .expect(400);
    expect(JSON.stringify(bad.body.error)).toContain('authservIds');
    expect(bad.body.error.message).toContain('Authentication-Results server');
    expect((await call('get', '/api/admin/mail/accounts').expect(200)).body.items).toEqual([]);
    const created = await call('post', '/api/admin/mail/accounts')
      .send({ ...body, authservIds: ['mx.fabrikam.test'] })
      .expect(201);
    expect(created.body).toMatchObject({ authservIds: ['mx.fabrikam.test'] });
    const cleared = await call('patch', `/api/admin/mail/accounts/${created.body.id}`)
      .send({ authservIds: [] })
      .expect(200);
    expect(cleared.body.authservIds ?? []).toEqual([]);
  });

  it('moves Default from one account to another only when the first gives it up', async () => {
    const base = { tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: 's3cret-value' };
    const first = await call('post', '/api/admin/mail/accounts')
      .send({ ...base, emailAddress: 'a@contoso.test', isDefault: true })
      .expect(201);
    const second = await call('post', '/api/admin/mail/accounts')
      .send({ ...base, emailAddress: 'b@contoso.test' })
      .expect(201);
    await call('patch', `/api/admin/mail/accounts/${second.body.id}`).send({ isDefault: true }).expect(409);
    await call('patch', `/api/admin/mail/accounts/${first.body.id}`).send({ isDefault: false }).expect(200);
    await call('patch', `/api/admin/mail/accounts/${second.body.id}`).send({ isDefault: true }).expect(200);
    const list = await call('get', '/api/admin/mail/accounts').expect(200);
    expect(
      list.body.items.map((a: { emailAddress: string; isDefault: boolean }) => [a.emailAddress, a.isDefault]),
    ).toEqual([
      ['b@contoso.test', true],
      ['a@contoso.test', false],
    ]);
  });

  it('needs a folder to move processed mail to', async () => {
    const res = await call('post', '/api/admin/mail/accounts')
      .send({
        emailAddress: 'a@contoso.test',
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        afterProcessing: 'move',
      })
      .expect(400);
    expect(res.body.error.message).toContain('folder');
  });

  it('keeps the stored secret when a change does not send one, and replaces it when one is sent', async () => {
    const created = await call('post', '/api/admin/mail/accounts')
      .send({
        emailAddress: 'a@contoso.test',
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        clientSecret: 'first-secret-AAAA',
      })
      .expect(201);
    const renamed = await call('patch', `/api/admin/mail/accounts/${created.body.id}`)
      .send({ displayName: 'Support desk' })
      .expect(200);
    expect(renamed.body.clientSecret).toEqual({ isSet: true, last4: 'AAAA' });
    const rotated = await call('patch', `/api/admin/mail/accounts/${created.body.id}`)
      .send({ clientSecret: 'second-secret-BBBB', clientSecretExpiresAt: '2027-06-30' })
      .expect(200);
    expect(rotated.body).toMatchObject({
      clientSecret: { isSet: true, last4: 'BBBB' },
      clientSecretExpiresAt: '2027-06-30',
    });
  });
});
