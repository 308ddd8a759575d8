import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../../support/event-stream.js';
import { addDefaultAccount, createSr, startOutboundStack, type OutboundStack } from './outbound-stack.js';

// The SR's composer: "Reply to customer" emails the text and keeps it as a PUBLIC note; "Internal note" never leaves;
// nothing empty goes anywhere; snippets are templates filled from the SR; the event stream announces every commit.

const CUSTOMER = 'lee@fabrikam.test';

describe('the SR composer', () => {
  let stack: OutboundStack;

  beforeAll(async () => {
    stack = await startOutboundStack();
    await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  const as = (method: 'get' | 'post', path: string) =>
    stack.api()[method](path).auth(stack.agent, { type: 'bearer' });

  it('replies to the customer with the typed text and keeps it as a PUBLIC note beside the email sent', async () => {
    const sr = await createSr(stack);
    const res = await as('post', `/api/requests/${sr}/emails`)
      .send({
        bodyHtml: '<p>Hello #REQUESTER_NAME#, the <b>toner</b> is on its way.</p>',
        asPublicNote: true,
      })
      .expect(201);
    const [mail] = await stack.waitForMail(CUSTOMER, (m) => m.some((x) => x.subject.includes(sr)));
    expect(mail!.body.content).toContain('Hello Lee Gu, the <b>toner</b> is on its way.');

    const notes = await as('get', `/api/requests/${sr}/notes`).expect(200);
    expect(notes.body.items).toEqual([
      expect.objectContaining({
        typeCode: 'PUBLIC',
        source: 'agent',
        bodyText: 'Hello Lee Gu, the toner is on its way.',
        sentAs: { outboundId: res.body.outboundId },
      }),
    ]);
    const history = await as('get', `/api/requests/${sr}/history`).expect(200);
    expect(history.body.items.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['note-added', 'email-sent']),
    );
  });

  it('refuses an empty reply or note and records nothing', async () => {
    const sr = await createSr(stack);
    const reply = await as('post', `/api/requests/${sr}/emails`)
      .send({ bodyHtml: '<p> &nbsp;</p>', asPublicNote: true })
      .expect(400);
    expect(reply.body.error.message).toMatch(/write the text/i);
    const note = await as('post', `/api/requests/${sr}/notes`)
      .send({ typeCode: 'INTERNAL', body: '<p><br></p>' })
      .expect(400);
    expect(note.body.error.message).toBe('Write the note before adding it.');
    expect((await as('get', `/api/requests/${sr}/notes`).expect(200)).body.items).toEqual([]);
    expect((await as('get', `/api/requests/${sr}/emails`).expect(200)).body.items).toEqual([]);
  });

  it("fills a snippet from the SR, #LAST_NOTE# being the agent's last PUBLIC note and never the customer's email", async () => {
    const sr = await createSr(stack);
    const requestId = Number(sr.slice(3));
    await as('post', `/api/requests/${sr}/notes`)
      .send({ typeCode: 'PUBLIC', body: 'Please restart the printer.' })
      .expect(201);
    await as('post', `/api/requests/${sr}/notes`)
      .send({ typeCode: 'INTERNAL', body: 'Secret internal remark.' })
      .expect(201);
    await stack.runtime.services.store.transact(async (tx) => {
      await tx.collection('notes').insert({
        id: 'customer-reply',
        requestId,
        typeCode: 'PUBLIC',
        accessLevel: 'User',
        source: 'email',
        bodyHtml: '<p>Still blank pages.</p>',
        bodyText: 'Still blank pages.',
        author: { id: CUSTOMER, name: 'Lee Gu' },
        createdAt: new Date().toISOString(),
      });
    });
    const snippet = await as('post', `/api/requests/${sr}/snippets`)
      .send({ templateId: 'reply-to-customer' })
      .expect(200);
    expect(snippet.body.bodyHtml).toContain('Please restart the printer.');
    expect(snippet.body.bodyHtml).toContain('Lee Gu');
    expect(snippet.body.bodyHtml).not.toContain('Still blank pages.');
    expect(snippet.body.bodyHtml).not.toContain('Secret internal remark.');
    expect(snippet.body.bodyHtml).not.toMatch(/#[A-Z_]+#/);
  });

  it('streams a change event naming the SR after a note is added, to an authenticated reader only', async () => {
    const sr = await createSr(stack);
    const stream = await openEventStream(stack.runtime.app, stack.agent);
    try {
      expect((await fetch(`${stream.base}/api/events`)).status).toBe(401);
      await stream.readUntil(/event: ready/);
      await as('post', `/api/requests/${sr}/notes`)
        .send({ typeCode: 'INTERNAL', body: 'Checked the toner.' })
        .expect(201);
      const text = await stream.readUntil(/event: change\ndata: .*"notes"/);
      const change = stream.changes().find((c) => c.collections.includes('notes'));
      expect(change?.requestIds).toContain(Number(sr.slice(3)));
      expect(text).not.toContain('Checked the toner.');
    } finally {
      await stream.close();
    }
  });
});
