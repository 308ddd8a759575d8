import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCustomerReply, type SentMessage } from '../../../emulator/src/cli/customer-reply.js';
import {
  addDefaultAccount,
  createSr,
  deliverAndSync,
  DESK,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// A reply to a Resolved SR under the default closed-SR policy waits in the Mail Center, and the SR says so: its
// history, a flag in the list, the held replies for its banner, and filing with or without reopening.

describe('replies to closed SRs in sight', () => {
  let stack: OutboundStack;
  let accountId: string;

  beforeAll(async () => {
    stack = await startOutboundStack();
    accountId = await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  const as = (method: 'get' | 'post' | 'patch', path: string) =>
    stack.api()[method](path).auth(stack.agent, { type: 'bearer' });

  /** An SR we emailed, Resolved, then the customer answers our email from Outlook; the engine reads it. */
  async function resolvedSrWithLateReply(text: string): Promise<string> {
    const sr = await createSr(stack);
    await as('post', `/api/requests/${sr}/emails`)
      .send({ bodyHtml: '<p>Fixed, please check.</p>', asPublicNote: true })
      .expect(201);
    const [sent] = await stack.waitForMail('lee@fabrikam.test', (m) => m.some((x) => x.subject.includes(sr)));
    await as('patch', `/api/requests/${sr}`).send({ status: 'Resolved' }).expect(200);
    const reply = await composeCustomerReply(sent as unknown as SentMessage, text, DESK);
    await deliverAndSync(stack, accountId, reply.mime);
    return sr;
  }

  it('holds the reply, and the SR shows it: history, list flag, held replies', async () => {
    const sr = await resolvedSrWithLateReply('It broke again this morning.');
    const held = await as('get', `/api/requests/${sr}/held-replies`).expect(200);
    expect(held.body.items).toEqual([
      expect.objectContaining({
        reason: 'sr-closed',
        state: 'open',
        from: expect.objectContaining({ address: 'lee@fabrikam.test' }),
      }),
    ]);
    const history = await as('get', `/api/requests/${sr}/history`).expect(200);
    expect(history.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'reply-held',
        summary: expect.stringMatching(
          /^A reply from Lee Gu <lee@fabrikam\.test> arrived after this SR was Resolved; it waits in the Mail Center/,
        ),
      }),
    );
    expect((await as('get', `/api/requests/${sr}`).expect(200)).body.hasHeldReply).toBe(true);
    const list = await as('get', '/api/requests?limit=100').expect(200);
    expect(list.body.items.find((r: { number: string }) => r.number === sr)).toMatchObject({
      hasHeldReply: true,
    });
  });

  it('files it without reopening: the note is added, the status stays Resolved, the flag goes', async () => {
    const sr = await resolvedSrWithLateReply('Thanks, all good now.');
    const [item] = (await as('get', `/api/requests/${sr}/held-replies`).expect(200)).body.items;
    await as('post', `/api/mail-center/${item.id}/link`).send({ requestId: sr, status: 'keep' }).expect(200);
    expect((await as('get', `/api/requests/${sr}`).expect(200)).body).toMatchObject({ status: 'Resolved' });
    expect((await as('get', `/api/requests/${sr}`).expect(200)).body.hasHeldReply).toBeUndefined();
    const notes = (await as('get', `/api/requests/${sr}/notes`).expect(200)).body.items;
    expect(notes.map((n: { bodyText: string }) => n.bodyText).join('\n')).toContain('Thanks, all good now.');
  });

  it('reopens and files: the SR goes to the reopen status with a history entry saying why', async () => {
    const sr = await resolvedSrWithLateReply('Still broken, sorry.');
    const [item] = (await as('get', `/api/requests/${sr}/held-replies`).expect(200)).body.items;
    await as('post', `/api/mail-center/${item.id}/link`)
      .send({ requestId: sr, status: 'reopen' })
      .expect(200);
    expect((await as('get', `/api/requests/${sr}`).expect(200)).body).toMatchObject({
      status: 'Open',
      isClosed: false,
    });
    const history = (await as('get', `/api/requests/${sr}/history`).expect(200)).body.items;
    expect(history).toContainEqual(
      expect.objectContaining({
        kind: 'status-changed',
        details: expect.objectContaining({ from: 'Resolved', to: 'Open', reason: 'reopened-to-file' }),
      }),
    );
  });
});
