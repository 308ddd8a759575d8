import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeCustomerReply,
  findSentMailForSr,
  type SentMessage,
} from '../../../emulator/src/cli/customer-reply.js';
import { DEMO_TENANT_ID } from '../../../emulator/src/index.js';
import {
  addDefaultAccount,
  createSr,
  DESK,
  startOutboundStack,
  type OutboundStack,
} from '../outbound/outbound-stack.js';

// The README's recommended setup, end to end in the emulator: the desk's mailbox is a shared mailbox, and the mail app
// has no Graph mail consent in Entra; Exchange's RBAC for Applications grants Mail.ReadWrite and Mail.Send on the
// desk's mailboxes only. Then a change of the Default account, which is confirmed, tested and refused in words.

type Account = { id: string; emailAddress: string; isDefault: boolean };
const IN_SCOPE = [DESK, 'admin@contoso.test'];

let stack: OutboundStack;
let supportId: string;

beforeAll(async () => {
  stack = await startOutboundStack();
  const granted = await stack.emulator.control('PUT', '/app-permissions', {
    entraRoles: [],
    exchangeRoles: [
      { role: 'Application Mail.ReadWrite', mailboxes: IN_SCOPE },
      { role: 'Application Mail.Send', mailboxes: IN_SCOPE },
    ],
  });
  expect(granted.status).toBe(200);
  supportId = await addDefaultAccount(stack);
});
afterAll(() => stack?.close());

const admin = <T extends { auth(token: string, options: { type: 'bearer' }): T }>(test: T) =>
  test.auth(stack.admin, { type: 'bearer' });
const accounts = async (): Promise<Account[]> =>
  (await admin(stack.api().get('/api/admin/mail/accounts')).expect(200)).body.items;
const testConnection = async (id: string) =>
  (await admin(stack.api().post(`/api/admin/mail/accounts/${id}/test`)).expect(200)).body as {
    ok: boolean;
    steps: { name: string; ok: boolean; detail: string }[];
  };

function candidate(emailAddress: string, extra: Record<string, unknown> = {}) {
  return {
    emailAddress,
    tenantId: DEMO_TENANT_ID,
    clientId: stack.emulator.mailApp.clientId,
    clientSecret: stack.emulator.mailApp.clientSecret,
    isDefault: true,
    serviceMessaging: true,
    ...extra,
  };
}

describe('a shared mailbox under RBAC for Applications, no Graph consent', () => {
  it('is a shared mailbox the app reaches only through Exchange, and Test connection passes', async () => {
    const tenant = (await (await stack.emulator.control('GET', '/tenant')).json()) as {
      users: { userPrincipalName: string; isSharedMailbox: boolean }[];
    };
    expect(tenant.users.find((u) => u.userPrincipalName === DESK)?.isSharedMailbox).toBe(true);
    const result = await testConnection(supportId);
    expect(result.steps.map((s) => [s.name, s.ok])).toEqual([
      ['token', true],
      ['mailbox', true],
      ['folder', true],
      ['send-permission', true],
    ]);
    expect(result.steps[3]?.detail).toContain('Exchange RBAC for Applications');
  });

  it('sends from the shared mailbox, and a customer reply to it becomes a PUBLIC note', async () => {
    const sr = await createSr(stack, { requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' } });
    await stack
      .api()
      .post(`/api/requests/${sr}/emails`)
      .auth(stack.agent, { type: 'bearer' })
      .send({ templateId: 'reply-to-customer' })
      .expect(201);
    const sent = await stack.waitForMail(
      DESK,
      (messages) => findSentMailForSr(messages as SentMessage[], sr) !== undefined,
      { folder: 'sentitems' },
    );
    const reply = await composeCustomerReply(
      findSentMailForSr(sent as SentMessage[], sr)!,
      'Works again, thanks.',
      DESK,
    );
    expect(
      (
        await stack.emulator.control(
          'POST',
          `/mailboxes/${DESK}/messages?folder=inbox`,
          reply.mime,
          'message/rfc822',
        )
      ).status,
    ).toBe(201);
    await admin(stack.api().post(`/api/admin/mail/accounts/${supportId}/sync`)).expect(200);
    const notes = (
      await stack.api().get(`/api/requests/${sr}/notes`).auth(stack.agent, { type: 'bearer' }).expect(200)
    ).body.items;
    expect(notes).toEqual([
      expect.objectContaining({
        source: 'email',
        typeCode: 'PUBLIC',
        bodyText: expect.stringContaining('Works again, thanks.'),
      }),
    ]);
  });
});

describe('changing the Default account', () => {
  async function expectRefused(body: Record<string, unknown>, status: number, message: RegExp) {
    const before = await accounts();
    const res = await admin(stack.api().post('/api/admin/mail/accounts')).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.message).toMatch(message);
    // The refusal is shown at the Default switch of the form.
    expect(res.body.error.details).toEqual([{ path: 'isDefault', message: res.body.error.message }]);
    expect(await accounts()).toEqual(before);
  }

  it('needs a confirmation naming the account that stops being Default', () =>
    expectRefused(
      candidate('admin@contoso.test'),
      409,
      /^support@contoso\.test is the Default account: rule emails and the emails agents send from SRs go out from it\. .*confirm/,
    ));

  it('refuses an account with Service Messaging off, naming what would stop', () =>
    expectRefused(
      candidate('admin@contoso.test', { serviceMessaging: false, replacesDefault: supportId }),
      422,
      /Service Messaging is off for it: rule emails and the emails agents send from SRs would stop/,
    ));

  it('refuses an account failing Test connection: a wrong secret, or a mailbox outside the Exchange scope', async () => {
    await expectRefused(
      candidate('admin@contoso.test', { clientSecret: 'not-the-secret', replacesDefault: supportId }),
      422,
      /Test connection failed at getting a token\. .*support@contoso\.test stays the Default/,
    );
    await expectRefused(
      candidate('agent@contoso.test', { replacesDefault: supportId }),
      422,
      /Test connection failed at opening the mailbox/,
    );
  });

  it('moves Default to a tested account in one step, and back', async () => {
    const created = await admin(stack.api().post('/api/admin/mail/accounts'))
      .send(candidate('admin@contoso.test', { replacesDefault: supportId }))
      .expect(201);
    expect((await accounts()).map((a) => [a.emailAddress, a.isDefault])).toEqual([
      ['admin@contoso.test', true],
      [DESK, false],
    ]);
    await admin(stack.api().patch(`/api/admin/mail/accounts/${supportId}`))
      .send({ isDefault: true, replacesDefault: created.body.id })
      .expect(200);
    expect((await accounts()).map((a) => [a.emailAddress, a.isDefault])).toEqual([
      [DESK, true],
      ['admin@contoso.test', false],
    ]);
  });
});
