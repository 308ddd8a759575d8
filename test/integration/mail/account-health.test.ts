import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../../emulator/src/index.js';
import { formatSrNumber } from '../../../api/src/domain/service-request.js';
import { desk } from './support/desk.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// What an admin sees about a mailbox: "Test connection" step by step, "Sync now" with its counts, the health card
// with the last error in plain language, and the secret's expiry warnings.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false });
  d = desk(stack);
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.emulator.control('DELETE', '/faults');
  await stack.emulator.control('DELETE', '/access-policy');
});

type Step = { name: string; ok: boolean; detail: string };

async function testConnection(accountId = stack.accountId): Promise<{ ok: boolean; steps: Step[] }> {
  const res = await stack.api().post(`/api/admin/mail/accounts/${accountId}/test`).set(d.as(stack.admin));
  expect(res.status).toBe(200);
  return res.body;
}

async function addAccount(input: Record<string, unknown>): Promise<string> {
  const res = await stack
    .api()
    .post('/api/admin/mail/accounts')
    .set(d.as(stack.admin))
    .send({
      isDefault: false,
      serviceMessaging: false,
      tenantId: DEMO_TENANT_ID,
      clientId: stack.emulator.mailApp.clientId,
      clientSecret: stack.emulator.mailApp.clientSecret,
      ...input,
    });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

describe('test connection', () => {
  it('passes token, mailbox, folder and send permission for the demo mailbox', async () => {
    const result = await testConnection();
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.name, s.ok])).toEqual([
      ['token', true],
      ['mailbox', true],
      ['folder', true],
      ['send-permission', true],
    ]);
  });

  it('says the secret is wrong (AADSTS7000215) and stops at the token', async () => {
    const id = await addAccount({
      emailAddress: 'wrong-secret@contoso.test',
      userPrincipalName: 'support@contoso.test',
      clientSecret: 'not-the-secret',
    });
    const result = await testConnection(id);
    expect(result.ok).toBe(false);
    expect(result.steps).toEqual([
      { name: 'token', ok: false, detail: expect.stringMatching(/client secret is wrong/i) },
    ]);
  });

  it('says the user has no Exchange Online mailbox', async () => {
    const id = await addAccount({ emailAddress: 'unlicensed@contoso.test' });
    const result = await testConnection(id);
    expect(result.steps.find((s) => s.name === 'mailbox')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no Exchange Online mailbox/),
    });
  });

  it('says the mailbox is outside the application access policy / RBAC scope (403)', async () => {
    await stack.emulator.control('PUT', '/access-policy', { mailboxes: ['admin@contoso.test'] });
    const result = await testConnection();
    expect(result.steps.find((s) => s.name === 'mailbox')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/application access policy or the RBAC for Applications scope/),
    });
  });

  it('says the folder does not exist', async () => {
    const id = await addAccount({
      emailAddress: 'folder@contoso.test',
      userPrincipalName: 'support@contoso.test',
      folder: 'Inbox/Nowhere',
    });
    const result = await testConnection(id);
    expect(result.steps.find((s) => s.name === 'folder')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/"Inbox\/Nowhere" does not exist/),
    });
  });
});

describe('sync now and health', () => {
  it('answers when the sync has finished, with its counts, and the health card shows it', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(await customerReply({ requestId: id, keyring: stack.runtime.services.ecIdKeyring }));
    const report = await d.syncNow();
    expect(report).toMatchObject({ trigger: 'admin', listed: 1, notes: 1, mailCenter: 0, afterStepsDone: 1 });
    expect(await d.notes(id)).toHaveLength(1);
    const health = await d.health();
    expect(health).toMatchObject({
      mailbox: 'support@contoso.test',
      serviceMessaging: true,
      syncing: false,
      lastSync: { notes: 1 },
      lastSuccessfulSyncAt: expect.any(String),
      reauthorisationRequired: false,
      last24h: { notes: 1, mailCenter: 0, ignored: 0, queued: 0 },
      subscription: { state: 'disabled', explanation: expect.stringMatching(/No public URL \(PUBLIC_URL\)/) },
    });
    expect(health.lastError).toBeUndefined();
    // One instance: it answers, and no sync holds the mailbox once "Sync now" has returned (the lease is given back).
    expect(health.cluster).toEqual({ instance: expect.any(String) });
  });

  it('counts the last day by what happened: notes, held in the Mail Center, ignored by the sender policy', async () => {
    type Day = { notes: number; mailCenter: number; ignored: number; queued: number };
    const day = async () => (await d.health()).last24h as Day;
    const before = await day();
    const id = await d.createRequest({ status: 'Open' });
    const stranger = { name: 'Eve Stranger', address: 'eve@elsewhere.test' };
    await d.deliver(await customerReply({ requestId: id, keyring: stack.runtime.services.ecIdKeyring }));
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: stack.runtime.services.ecIdKeyring,
        noMarker: true,
        from: stranger,
        subject: 'held for an agent',
      }),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 1, mailCenter: 1 });
    await d.settings({ senderPolicy: 'participants-only' });
    try {
      await d.deliver(
        await customerReply({
          requestId: id,
          keyring: stack.runtime.services.ecIdKeyring,
          noMarker: true,
          from: stranger,
          subject: `Re: [${formatSrNumber(id)}] kept as ignored`,
        }),
      );
      expect(await d.syncNow()).toMatchObject({ mailCenter: 1 });
    } finally {
      await d.settings({ senderPolicy: 'review' });
    }
    expect(await day()).toEqual({
      notes: before.notes + 1,
      mailCenter: before.mailCenter + 1,
      ignored: before.ignored + 1,
      queued: before.queued,
    });
  });

  it('keeps the last error in plain language: throttled beyond our patience', async () => {
    await stack.emulator.control('POST', '/faults', {
      script: [
        {
          method: 'GET',
          path: '/v1.0/users/*/mailFolders/*/messages',
          status: 429,
          times: 1,
          retryAfterSec: 3600,
        },
      ],
    });
    const res = await stack
      .api()
      .post(`/api/admin/mail/accounts/${stack.accountId}/sync`)
      .set(d.as(stack.admin));
    expect(res.status).toBe(502);
    expect(res.body.error.message).toMatch(/throttling the app; the engine waits for 3600 s/);
    expect(await d.health()).toMatchObject({
      lastError: { status: 429, explanation: expect.stringMatching(/throttling/) },
    });
    await stack.emulator.control('DELETE', '/faults');
    await d.syncNow();
    expect((await d.health()).lastError).toBeUndefined();
  });

  it('marks the account "re-authorisation required" when a fresh token is refused too', async () => {
    await stack.emulator.control('POST', '/faults', {
      script: [{ path: '/v1.0/users/*/mailFolders/*/messages', status: 401, times: 2 }],
    });
    const res = await stack
      .api()
      .post(`/api/admin/mail/accounts/${stack.accountId}/sync`)
      .set(d.as(stack.admin));
    expect(res.status).toBe(502);
    expect(await d.health()).toMatchObject({
      reauthorisationRequired: true,
      lastError: { status: 401, explanation: expect.stringMatching(/Re-authorisation required/) },
    });
    await d.syncNow();
    expect(await d.health()).toMatchObject({ reauthorisationRequired: false });
  });

  it('warns 30 and 7 days before the client secret expires', async () => {
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const set = (at: string) =>
      stack
        .api()
        .patch(`/api/admin/mail/accounts/${stack.accountId}`)
        .set(d.as(stack.admin))
        .send({ clientSecretExpiresAt: at })
        .expect(200);
    await set(inDays(60));
    expect(await d.health()).toMatchObject({ secretExpiry: { level: 'ok', daysLeft: 60 } });
    await set(inDays(25));
    expect(await d.health()).toMatchObject({
      secretExpiry: { level: 'warning', daysLeft: 25, message: expect.stringMatching(/expires in 25 days/) },
    });
    await set(inDays(5));
    expect(await d.health()).toMatchObject({ secretExpiry: { level: 'urgent', daysLeft: 5 } });
    await set(inDays(-2));
    expect(await d.health()).toMatchObject({ secretExpiry: { level: 'expired' } });
  });

  it('refuses to run without the PUBLIC note type, and says why', async () => {
    // The API refuses to remove PUBLIC while service messaging is on; a damaged database can still lack it.
    await stack.runtime.services.store.transact((tx) => tx.collection('noteTypes').delete('PUBLIC'));
    const res = await stack
      .api()
      .post(`/api/admin/mail/accounts/${stack.accountId}/sync`)
      .set(d.as(stack.admin));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(
      /Service messaging is stopped: it files replies as note type PUBLIC/,
    );
    expect(await d.health()).toMatchObject({ stopped: expect.stringMatching(/note type PUBLIC/) });
    await stack.runtime.services.store.transact((tx) =>
      tx.collection('noteTypes').put({ id: 'PUBLIC', code: 'PUBLIC', name: 'Public', accessLevel: 'User' }),
    );
    await d.syncNow();
    expect((await d.health()).stopped).toBeUndefined();
  });

  it('/api/health says the identity client reached the token endpoint', async () => {
    const res = await stack.api().get('/api/health');
    expect(res.body.checks).toEqual(
      expect.arrayContaining([
        { name: 'identity', ok: true, detail: expect.stringMatching(/support@contoso.test: token issued/) },
      ]),
    );
  });
});
