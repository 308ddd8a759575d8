import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMailbox } from '../../../api/src/graph/demo-mailbox.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { createTestApi, type TestApi } from '../../support/test-api.js';

// GET /api/demo/mailboxes...: demo mode's stand-in for Outlook, reading the emulator's mailboxes for the pane.

const MIME = [
  'From: Lee Gu <lee@fabrikam.test>',
  'To: Contoso Support <support@contoso.test>',
  'Cc: Kim <kim@fabrikam.test>',
  'Subject: RE: printer',
  'Message-ID: <demo-route-1@mail.fabrikam.test>',
  'In-Reply-To: <sm.SR-000003-1-ABCDEFGHJKM@contoso.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Blank pages again.</p>',
  '--b1',
  'Content-Type: text/plain; name="log.txt"',
  'Content-Disposition: attachment; filename="log.txt"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('E-204').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

describe('demo mailbox routes', () => {
  let emulator: TestEmulator;
  let api: TestApi;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await emulator.control(
      'POST',
      '/mailboxes/support@contoso.test/messages?folder=inbox',
      MIME,
      'message/rfc822',
    );
    api = await createTestApi({ extra: { demoMailbox: createDemoMailbox(emulator.url) } });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  const get = async (path: string, status = 200, token?: string) => {
    const res = await request(api.app)
      .get(path)
      .auth(token ?? (await api.agent()), { type: 'bearer' });
    if (res.status !== status)
      throw new Error(`GET ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it("lists the tenant's mailboxes and a mailbox's inbox", async () => {
    const mailboxes = await get('/api/demo/mailboxes');
    expect(mailboxes.items.map((m: { address: string }) => m.address)).toEqual(
      expect.arrayContaining(['agent@contoso.test', 'support@contoso.test']),
    );
    const inbox = await get('/api/demo/mailboxes/support%40contoso.test/messages');
    expect(inbox.items).toEqual([
      expect.objectContaining({
        subject: 'RE: printer',
        from: { name: 'Lee Gu', address: 'lee@fabrikam.test' },
        hasAttachments: true,
      }),
    ]);
  });

  it('reads one email as Outlook would give it to the pane, with its headers and attachment bytes', async () => {
    const [summary] = (await get('/api/demo/mailboxes/support@contoso.test/messages')).items;
    const { email, attachmentContents } = await get(
      `/api/demo/mailboxes/support@contoso.test/messages/${encodeURIComponent(summary.id)}`,
    );
    expect(email).toMatchObject({
      internetMessageId: '<demo-route-1@mail.fabrikam.test>',
      mailbox: 'support@contoso.test',
      subject: 'RE: printer',
      cc: [{ name: 'Kim', address: 'kim@fabrikam.test' }],
      attachments: [expect.objectContaining({ name: 'log.txt', isInline: false, kind: 'file' })],
    });
    expect(email.bodyHtml).toContain('Blank pages again.');
    expect(email.headers).toContainEqual({
      name: 'In-Reply-To',
      value: '<sm.SR-000003-1-ABCDEFGHJKM@contoso.test>',
    });
    expect(Buffer.from(attachmentContents[0].contentBase64, 'base64').toString()).toBe('E-204');
    // What the route returns is what the add-in routes accept.
    await request(api.app)
      .post('/api/addin/lookup')
      .auth(await api.agent(), { type: 'bearer' })
      .send({ email })
      .expect(200);
  });

  it('says which mailbox or email does not exist, and needs the agent role', async () => {
    expect((await get('/api/demo/mailboxes/nobody%40contoso.test/messages', 404)).error.message).toBe(
      'Demo mailbox nobody@contoso.test does not exist.',
    );
    await get('/api/demo/mailboxes/support@contoso.test/messages/AAMk-nothing', 404);
    await get('/api/demo/mailboxes', 403, await api.token({ roles: [] }));
  });

  it('is not there outside demo mode', async () => {
    const plain = await createTestApi();
    const res = await request(plain.app)
      .get('/api/demo/mailboxes')
      .auth(await plain.agent(), { type: 'bearer' })
      .expect(404);
    expect(res.body.error.code).toBe('route_not_found');
  });
});
