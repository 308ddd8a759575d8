import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type TestStack } from '../../support/stack.js';

// Demo mode against the emulator: the desk's mailbox exists from the first start, with the emulator's mail app.
let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

it('creates support@contoso.test as the Default account with Service Messaging on', async () => {
  const token = await stack.tokenFor('admin@contoso.test');
  const res = await request(stack.url)
    .get('/api/admin/mail/accounts')
    .set('authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  const accounts = res.body.items as Array<{
    emailAddress: string;
    isDefault: boolean;
    serviceMessaging: boolean;
    clientId: string;
    tenantId: string;
  }>;
  expect(accounts).toHaveLength(1);
  expect(accounts[0]).toMatchObject({
    emailAddress: 'support@contoso.test',
    isDefault: true,
    serviceMessaging: true,
    clientId: stack.emulator.mailApp.clientId,
    tenantId: stack.emulator.tenant.tenantId,
  });
});
