import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDefaultAccount,
  createSr,
  historyOf,
  outboundSettled,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// The outbound loop guards as the rules run them: the installation's (RULE_EMAILS_PER_*_PER_HOUR) until an admin
// sets them under Administration > Service messaging, then the admin's, for the next rule email.

describe('rule emails under the rate limits of the settings', () => {
  let stack: OutboundStack;
  beforeAll(async () => {
    stack = await startOutboundStack({ env: { RULE_EMAILS_PER_SR_PER_HOUR: '2' } });
    await addDefaultAccount(stack);
    await stack
      .api()
      .post('/api/admin/rules')
      .auth(stack.admin, { type: 'bearer' })
      .send({
        name: 'Echo',
        trigger: { kind: 'status-changed' },
        templateId: 'status-update',
        recipients: [{ kind: 'requester' }],
      })
      .expect(201);
  });
  afterAll(() => stack?.close());

  const patch = (sr: string, body: object) =>
    stack.api().patch(`/api/requests/${sr}`).auth(stack.agent, { type: 'bearer' }).send(body).expect(200);
  const statusesOf = async (sr: string) =>
    (
      (await stack.api().get(`/api/requests/${sr}/emails`).auth(stack.agent, { type: 'bearer' }).expect(200))
        .body.items as { status: string }[]
    ).map((e) => e.status);
  const stoppedOf = async (sr: string) =>
    (await historyOf(stack, sr)).filter((h) => h.kind === 'email-stopped').map((h) => h.summary);
  const setLimits = async (rateLimits: object) => {
    const current = (
      await stack.api().get('/api/admin/settings').auth(stack.admin, { type: 'bearer' }).expect(200)
    ).body as object;
    await stack
      .api()
      .put('/api/admin/settings')
      .auth(stack.admin, { type: 'bearer' })
      .send({ ...current, rateLimits })
      .expect(200);
  };
  const settled = () => outboundSettled(stack);
  const flip = async (sr: string, times: number) => {
    for (let i = 0; i < times; i += 1) await patch(sr, { status: i % 2 === 0 ? 'Open' : 'Customer Replied' });
    await settled();
  };

  it('stops at the installation limit per SR while the admin has set none', async () => {
    const sr = await createSr(stack, { requester: { name: 'Ann', email: 'ann@fabrikam.test' } });
    await flip(sr, 3);
    expect(await statusesOf(sr)).toEqual(['sent', 'sent', 'stopped']);
    expect((await stoppedOf(sr))[0]).toMatch(/2 emails about this SR in the last hour \(limit 2\)/);
  });

  it("stops at the admin's limit per SR", async () => {
    await setLimits({ rulePerSrPerHour: 4 });
    const sr = await createSr(stack, { requester: { name: 'Bo', email: 'bo@fabrikam.test' } });
    await flip(sr, 5);
    expect(await statusesOf(sr)).toEqual(['sent', 'sent', 'sent', 'sent', 'stopped']);
    expect((await stoppedOf(sr))[0]).toMatch(/\(limit 4\)/);
  });

  it("leaves out an address over the admin's limit per recipient, across SRs", async () => {
    await setLimits({ rulePerSrPerHour: 4, rulePerRecipientPerHour: 1 });
    const customer = { name: 'Cy', email: 'cy@fabrikam.test' };
    const first = await createSr(stack, { requester: customer });
    const second = await createSr(stack, { requester: customer });
    await flip(first, 1);
    await flip(second, 1);
    expect(await statusesOf(first)).toEqual(['sent']);
    expect(await statusesOf(second)).toEqual(['stopped']);
    expect((await stoppedOf(second)).join()).toMatch(
      /1 emails to cy@fabrikam\.test in the last hour \(limit 1\)/,
    );
  });
});
