import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addAcknowledgeRule,
  addDefaultAccount,
  createSr,
  DESK,
  failNextSend,
  historyOf,
  setServiceMessaging,
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
  await addAcknowledgeRule(stack);
  await failNextSend(stack);
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

  await setServiceMessaging(stack, accountId, false);
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
  expect((await historyOf(stack, sr)).filter((h) => h.kind === 'email-stopped')).toEqual([
    expect.objectContaining({ summary: expect.stringContaining('Service Messaging was turned off') }),
  ]);
});
