import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../../../api/src/services/requests/record-history.js';
import {
  addDefaultAccount,
  createSr,
  historyOf,
  sentCopies,
  startOutboundStack,
  type OutboundStack,
  outboundSettled,
} from './outbound-stack.js';

// Rules run after the change they react to has committed, once per event, from the SR event outbox.

type Rule = { name: string; trigger: object; templateId: string; recipients: object[] };

describe('rules', () => {
  let stack: OutboundStack;
  beforeAll(async () => {
    stack = await startOutboundStack();
    await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  const addRule = async (rule: Rule) =>
    (await stack.api().post('/api/admin/rules').auth(stack.admin, { type: 'bearer' }).send(rule).expect(201))
      .body.id as string;
  const deleteRule = (id: string) =>
    stack.api().delete(`/api/admin/rules/${id}`).auth(stack.admin, { type: 'bearer' }).expect(204);
  const patch = (sr: string, body: object) =>
    stack.api().patch(`/api/requests/${sr}`).auth(stack.agent, { type: 'bearer' }).send(body).expect(200);
  const note = (sr: string, body: string, typeCode = 'PUBLIC') =>
    stack
      .api()
      .post(`/api/requests/${sr}/notes`)
      .auth(stack.agent, { type: 'bearer' })
      .send({ body, typeCode })
      .expect(201);
  const emailsOf = async (sr: string) =>
    (await stack.api().get(`/api/requests/${sr}/emails`).auth(stack.agent, { type: 'bearer' }).expect(200))
      .body.items as { status: string; ruleId?: string; subject: string }[];
  const settled = () => outboundSettled(stack);

  it('fire once per matching event, and not for other changes', async () => {
    const customer = 'fire-once@fabrikam.test';
    const rules = [
      await addRule({
        name: 'Waiting on you',
        trigger: { kind: 'status-changed', to: 'awaiting customer' },
        templateId: 'status-update',
        recipients: [{ kind: 'requester' }],
      }),
      await addRule({
        name: 'Public notes',
        trigger: { kind: 'note-added' },
        templateId: 'status-update',
        recipients: [{ kind: 'requester' }, { kind: 'address', address: 'audit@fabrikam.test' }],
      }),
    ];
    const sr = await createSr(stack, { requester: { name: 'Fi', email: customer } });
    await patch(sr, { priority: 'High' });
    await patch(sr, { status: 'Open' });
    await patch(sr, { status: 'Awaiting Customer' });
    await note(sr, 'Internal: customer is difficult', 'INTERNAL');
    await note(sr, 'We replaced the toner cartridge.');
    await settled();

    const inbox = await stack.waitForMail(customer, (m) => m.length >= 2);
    expect(inbox).toHaveLength(2);
    const [fromNote, fromStatus] = inbox;
    expect(fromStatus!.subject).toBe(
      `Printer on floor 3 prints blank pages is now Awaiting Customer [${sr}]`,
    );
    expect(fromNote!.body.content).toContain('We replaced the toner cartridge.');
    expect(inbox.map((m) => m.body.content).join()).not.toContain('customer is difficult');
    expect(
      (await stack.waitForMail('audit@fabrikam.test', (m) => m.some((x) => x.subject.includes(sr)))).filter(
        (m) => m.subject.includes(sr),
      ),
    ).toHaveLength(1);
    expect((await emailsOf(sr)).map((e) => e.status)).toEqual(['sent', 'sent']);
    expect((await historyOf(stack, sr)).filter((h) => h.kind === 'email-sent')).toHaveLength(2);
    for (const id of rules) await deleteRule(id);
  });

  it('never answer a change caused by an auto-reply, a bounce, our own mail or a loop', async () => {
    const customer = 'machines@fabrikam.test';
    const rule = await addRule({
      name: 'Any status',
      trigger: { kind: 'status-changed' },
      templateId: 'status-update',
      recipients: [{ kind: 'requester' }],
    });
    const sr = await createSr(stack, { requester: { name: 'Mo', email: customer } });
    const requestId = Number(sr.slice(3));
    const { services } = stack.runtime;
    for (const mailClass of ['auto-reply', 'bounce', 'own', 'loop']) {
      await services.store.transact((tx) =>
        recordHistory(services, tx, {
          requestId,
          kind: 'status-changed',
          summary: `Status changed by mail (${mailClass})`,
          actor: { id: 'system', name: 'Service Messaging' },
          details: { from: 'New', to: 'Customer Replied', mailClass },
        }),
      );
    }
    await settled();
    expect(await emailsOf(sr)).toEqual([]);
    await services.store.transact((tx) =>
      recordHistory(services, tx, {
        requestId,
        kind: 'status-changed',
        summary: 'Status changed by a customer reply',
        actor: { id: 'system', name: 'Service Messaging' },
        details: { from: 'New', to: 'Customer Replied', mailClass: 'human' },
      }),
    );
    await settled();
    expect(await emailsOf(sr)).toHaveLength(1);
    await deleteRule(rule);
  });

  it('stop a loop at the per-SR limit, and the history shows the stopped emails', async () => {
    const customer = 'loop@fabrikam.test';
    const rule = await addRule({
      name: 'Echo',
      trigger: { kind: 'status-changed' },
      templateId: 'status-update',
      recipients: [{ kind: 'requester' }],
    });
    const sr = await createSr(stack, { requester: { name: 'Lo', email: customer } });
    for (let i = 0; i < 12; i += 1) await patch(sr, { status: i % 2 === 0 ? 'Open' : 'Customer Replied' });
    await settled();

    const emails = await emailsOf(sr);
    expect(emails.map((e) => e.status)).toEqual([...Array<string>(10).fill('sent'), 'stopped', 'stopped']);
    expect(await stack.waitForMail(customer, (m) => m.length >= 10)).toHaveLength(10);
    const stopped = (await historyOf(stack, sr)).filter((h) => h.kind === 'email-stopped');
    expect(stopped).toHaveLength(2);
    expect(stopped[0]!.summary).toMatch(/10 emails about this SR in the last hour \(limit 10\)/);
    await deleteRule(rule);
  });
});

describe('rules across a restart', () => {
  let stack: OutboundStack;
  beforeAll(async () => {
    stack = await startOutboundStack();
    await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  it('run an event committed before a crash exactly once', async () => {
    const customer = 'restart@fabrikam.test';
    await stack
      .api()
      .post('/api/admin/rules')
      .auth(stack.admin, { type: 'bearer' })
      .send({
        name: 'Acknowledge',
        trigger: { kind: 'sr-created' },
        templateId: 'request-received',
        recipients: [{ kind: 'requester' }],
      })
      .expect(201);
    // The worker stops, as if the process died right after the SR's transaction committed.
    await stack.runtime.outbound.stop();
    const sr = await createSr(stack, { requester: { name: 'Re', email: customer } });
    const pending = () =>
      stack.runtime.services.store.read(async (tx) => ({
        events: await tx.collection('srEvents').count(),
        emails: await tx.collection('outboundEmails').count(),
      }));
    expect(await pending()).toEqual({ events: 1, emails: 0 });
    expect(await stack.mailbox(customer)).toEqual([]);

    await stack.runtime.close();
    await stack.restart();
    const [mail] = await stack.waitForMail(customer, (m) => m.length === 1);
    expect(mail!.subject).toBe(
      `We have received your request: Printer on floor 3 prints blank pages [${sr}]`,
    );
    await stack.runtime.outbound.idle();
    expect(await pending()).toEqual({ events: 0, emails: 1 });

    await stack.runtime.close();
    await stack.restart();
    await stack.runtime.outbound.idle();
    expect(await pending()).toEqual({ events: 0, emails: 1 });
    expect(await sentCopies(stack, mail!.internetMessageId)).toBe(1);
    expect(await stack.mailbox(customer)).toHaveLength(1);
  });
});
