import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addDefaultAccount,
  createSr,
  DESK,
  sentCopies,
  setServiceMessaging,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// What goes wrong is refused before anything is recorded or sent, or recorded as failed with nothing left half-built
// in the mailbox: no draft in Drafts, nothing delivered.

describe('emails that cannot be sent', () => {
  let stack: OutboundStack;
  let sr: string;

  beforeAll(async () => {
    stack = await startOutboundStack();
  });
  afterAll(() => stack?.close());
  beforeEach(async () => {
    await stack.emulator.control('DELETE', '/faults');
    sr = await createSr(stack, { requester: { name: 'Dan', email: `dan${Date.now()}@fabrikam.test` } });
  });

  const send = (body: object = { templateId: 'reply-to-customer' }) =>
    stack.api().post(`/api/requests/${sr}/emails`).auth(stack.agent, { type: 'bearer' }).send(body);
  const outbound = () =>
    stack.runtime.services.store.read((tx) => tx.collection('outboundEmails').ofRequest(Number(sr.slice(3))));
  // What sending would do (a draft, its send, sendMail), not the engine's own background reads and subscription upkeep
  // after an account change, which may land in the same moment (they did on PostgreSQL, where they run slower).
  const graphCalls = () =>
    stack.emulator.exchanges.filter(
      (e) => e.path.startsWith('/v1.0/') && e.method !== 'GET' && !e.path.includes('/subscriptions'),
    ).length;

  async function expectRefusedBeforeGraph(body: object, status: number, code: string, message?: RegExp) {
    const calls = graphCalls();
    const res = await send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (message) expect(res.body.error.message).toMatch(message);
    expect(await outbound()).toEqual([]);
    expect(graphCalls()).toBe(calls);
  }

  it('without a Default account', async () => {
    await expectRefusedBeforeGraph(
      { templateId: 'reply-to-customer' },
      422,
      'precondition_failed',
      /No mail account is set as Default/,
    );
  });

  describe('with the Default account', () => {
    let accountId: string;
    beforeAll(async () => {
      accountId = await addDefaultAccount(stack);
    });

    it('with Service Messaging off', async () => {
      await setServiceMessaging(stack, accountId, false);
      try {
        await expectRefusedBeforeGraph(
          { templateId: 'reply-to-customer' },
          422,
          'precondition_failed',
          /Service Messaging is off/,
        );
      } finally {
        await setServiceMessaging(stack, accountId, true);
      }
    });

    it('to addresses that are not addresses', async () => {
      await expectRefusedBeforeGraph(
        { templateId: 'reply-to-customer', to: ['not an address'] },
        400,
        'validation_failed',
      );
      await expectRefusedBeforeGraph(
        { templateId: 'reply-to-customer', cc: ['a@b.test', 'x@'] },
        400,
        'validation_failed',
      );
      await expectRefusedBeforeGraph({ templateId: 'reply-to-customer', to: [] }, 400, 'validation_failed');
    });

    it('with an unknown placeholder, or neither template nor text', async () => {
      await expectRefusedBeforeGraph(
        { bodyHtml: '<p>Hello #CUSTOMER_NAME#</p>' },
        400,
        'validation_failed',
        /#CUSTOMER_NAME# is not a placeholder/,
      );
      await expectRefusedBeforeGraph({ subject: 'Hi' }, 400, 'validation_failed', /Choose a template/);
      await expectRefusedBeforeGraph({ templateId: 'no-such-template' }, 404, 'not_found');
    });

    it("with attachments that are not the SR's, or over 150 MB", async () => {
      const other = await createSr(stack);
      const upload = await stack
        .api()
        .post(`/api/requests/${other}/attachments`)
        .auth(stack.agent, { type: 'bearer' })
        .attach('file', Buffer.from('x'), 'x.txt')
        .expect(201);
      await expectRefusedBeforeGraph(
        { templateId: 'reply-to-customer', attachmentIds: [upload.body.id] },
        400,
        'validation_failed',
        /not one of this SR's attachments/,
      );

      // Uploads stop at 150 MB, so the records are written directly: a 151 MB file, and two that add up to more.
      const requestId = Number(sr.slice(3));
      const record = (id: string, size: number) => ({
        id,
        requestId,
        folder: 'General',
        fileName: `${id}.bin`,
        contentType: 'application/octet-stream',
        size,
        sha256: '0'.repeat(64),
        uploadedBy: 'test',
        createdAt: new Date().toISOString(),
      });
      await stack.runtime.services.store.transact(async (tx) => {
        await tx.collection('attachments').insert(record('huge', 151 * 1024 * 1024));
        await tx.collection('attachments').insert(record('half-a', 80 * 1024 * 1024));
        await tx.collection('attachments').insert(record('half-b', 80 * 1024 * 1024));
      });
      await expectRefusedBeforeGraph(
        { templateId: 'reply-to-customer', attachmentIds: ['huge'] },
        413,
        'payload_too_large',
        /huge\.bin is 151 MB/,
      );
      await expectRefusedBeforeGraph(
        { templateId: 'reply-to-customer', attachmentIds: ['half-a', 'half-b'] },
        413,
        'payload_too_large',
        /160 MB/,
      );
    });

    it('when Graph refuses the send: a clear error, a failed record, the draft deleted, nothing delivered', async () => {
      await stack.emulator.control('POST', '/faults', {
        script: [{ method: 'POST', path: '/v1.0/users/*/messages/*/send', status: 403 }],
      });
      const res = await send();
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({
        code: 'upstream_failed',
        message: expect.stringContaining('The app may not send as support@contoso.test'),
      });
      const [record] = await outbound();
      expect(record).toMatchObject({
        status: 'failed',
        statusReason: expect.stringContaining('403'),
        attempts: 1,
      });
      expect(res.body.error.details).toEqual({ outboundId: record!.id });
      expect(await stack.mailbox(DESK, 'drafts')).toEqual([]);
      expect(await sentCopies(stack, record!.internetMessageId)).toBe(0);
      const history = await stack
        .api()
        .get(`/api/requests/${sr}/history`)
        .auth(stack.agent, { type: 'bearer' })
        .expect(200);
      expect(history.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'email-stopped',
          details: expect.objectContaining({ status: 'failed', outboundId: record!.id }),
        }),
      );
    });

    it('when an attachment is refused half-way: the draft is deleted', async () => {
      const upload = await stack
        .api()
        .post(`/api/requests/${sr}/attachments`)
        .auth(stack.agent, { type: 'bearer' })
        .attach('file', Buffer.from('x'), 'x.txt')
        .expect(201);
      await stack.emulator.control('POST', '/faults', {
        script: [{ method: 'POST', path: '/v1.0/users/*/messages/*/attachments', status: 400 }],
      });
      const res = await send({ templateId: 'reply-to-customer', attachmentIds: [upload.body.id] });
      expect(res.status).toBe(502);
      const [record] = await outbound();
      expect(record).toMatchObject({ status: 'failed' });
      expect(await stack.mailbox(DESK, 'drafts')).toEqual([]);
      expect(await sentCopies(stack, record!.internetMessageId)).toBe(0);
    });

    it('when the connection drops on send: the draft is checked, still a draft, deleted; nothing delivered', async () => {
      const customer = `drop${Date.now()}@fabrikam.test`;
      await stack.emulator.control('POST', '/faults', {
        script: [{ method: 'POST', path: '/v1.0/users/*/messages/*/send', status: 'reset' }],
      });
      const res = await send({ templateId: 'reply-to-customer', to: [customer] });
      expect(res.status).toBe(502);
      const [record] = await outbound();
      expect(record).toMatchObject({ status: 'failed' });
      expect(await stack.mailbox(DESK, 'drafts')).toEqual([]);
      expect(await sentCopies(stack, record!.internetMessageId)).toBe(0);
    });
  });
});
