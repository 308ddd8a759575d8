import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addDefaultAccount,
  createSr,
  DESK,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// A rule email waits in the queue between attempts; what it was to be sent with can change meanwhile. The attempt
// reads the account with its claim and stops there, recorded as failed with the reason, and nothing goes to Graph.

const MINUTE = 60_000;

let stack: OutboundStack;
let accountId: string;

beforeAll(async () => {
  stack = await startOutboundStack();
  accountId = await addDefaultAccount(stack);
});
afterAll(() => stack?.close());

it('fails a queued rule email whose mailbox had Service Messaging turned off, without sending it', async () => {
  await stack
    .api()
    .post('/api/admin/rules')
    .auth(stack.admin, { type: 'bearer' })
    .send({
      name: 'Ack',
      trigger: { kind: 'sr-created' },
      templateId: 'request-received',
      recipients: [{ kind: 'requester' }],
    })
    .expect(201);
  await stack.emulator.control('POST', '/faults', {
    script: [{ method: 'POST', path: '/v1.0/users/*/messages/*/send', status: 500 }],
  });
  const customer = 'meanwhile@fabrikam.test';
  const sr = await createSr(stack, { requester: { name: 'Mia', email: customer } });
  const requestId = Number(sr.slice(3));
  const ruleEmail = () =>
    stack.runtime.services.store.read(async (tx) =>
      (await tx.collection('outboundEmails').ofRequest(requestId)).find((e) => e.trigger === 'rule'),
    );
  await expect
    .poll(async () => (await ruleEmail())?.status === 'queued' && (await ruleEmail())?.attempts === 1, {
      timeout: 10_000,
    })
    .toBe(true);

  await stack
    .api()
    .patch(`/api/admin/mail/accounts/${accountId}`)
    .auth(stack.admin, { type: 'bearer' })
    .send({ serviceMessaging: false })
    .expect(200);
  const offset = MINUTE;
  stack.runtime.services.clock = () => new Date(Date.now() + offset);
  const sends = () =>
    stack.emulator.exchanges.filter((e) => e.method === 'POST' && e.path.endsWith('/send')).length;
  const sendsBefore = sends();
  stack.runtime.outbound.wake();
  await expect
    .poll(
      async () => {
        await stack.runtime.outbound.idle();
        return (await ruleEmail())?.status;
      },
      { timeout: 10_000 },
    )
    .toBe('failed');
  expect(await ruleEmail()).toMatchObject({
    attempts: 2,
    statusReason: `Service Messaging was turned off for ${DESK}.`,
  });
  expect(sends()).toBe(sendsBefore);
  expect(await stack.mailbox(customer)).toEqual([]);
  const history = await stack
    .api()
    .get(`/api/requests/${sr}/history`)
    .auth(stack.agent, { type: 'bearer' })
    .expect(200);
  expect(
    (history.body.items as Array<{ kind: string; summary: string }>).filter(
      (h) => h.kind === 'email-stopped',
    ),
  ).toEqual([
    expect.objectContaining({ summary: expect.stringContaining('Service Messaging was turned off') }),
  ]);
});
