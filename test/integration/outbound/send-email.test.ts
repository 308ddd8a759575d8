import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEcId } from '../../../api/src/domain/ec-id.js';
import { HIDDEN_TOKEN_ATTRIBUTE } from '../../../api/src/domain/reply-marker.js';
import {
  addDefaultAccount,
  createSr,
  DESK,
  header,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// An agent emails from an SR; the customer's emulated mailbox shows what Exchange delivered.

const CUSTOMER = 'lee@fabrikam.test';

describe('emails sent from an SR', () => {
  let stack: OutboundStack;

  beforeAll(async () => {
    stack = await startOutboundStack();
    await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  const send = (sr: string, body: object) =>
    stack.api().post(`/api/requests/${sr}/emails`).auth(stack.agent, { type: 'bearer' }).send(body);

  it('delivers a template with the reply line, a valid token, the hidden token, our Message-ID and [SR-…] in the subject', async () => {
    const sr = await createSr(stack, { participants: ['adele@fabrikam.test'] });
    await stack
      .api()
      .post(`/api/requests/${sr}/notes`)
      .auth(stack.agent, { type: 'bearer' })
      .send({ body: 'Please restart the printer.' })
      .expect(201);
    const res = await send(sr, { templateId: 'reply-to-customer' }).expect(201);
    expect(res.body).toMatchObject({
      outboundId: expect.any(Number),
      status: 'sent',
      internetMessageId: expect.stringMatching(/^sm\.SR-\d{6}-.+@contoso\.test$/),
    });

    const [mail] = await stack.waitForMail(CUSTOMER, (m) => m.length === 1);
    expect(mail!.subject).toBe(`Printer on floor 3 prints blank pages [${sr}]`);
    expect(mail!.internetMessageId).toBe(`<${res.body.internetMessageId}>`);
    const html = mail!.body.content;
    const marker = /##- Please type your reply above this line -## \[(SR-[0-9A-Z-]+)\]/.exec(html);
    expect(marker, 'the reply line is at the top').not.toBeNull();
    expect(html.indexOf('##-')).toBeLessThan(html.indexOf('Please restart the printer.'));
    const token = marker![1]!;
    const decoded = decodeEcId(token, stack.runtime.services.ecIdKeyring, new Date());
    expect(decoded).toMatchObject({
      status: 'valid',
      requestId: Number(sr.slice(3)),
      outboundId: res.body.outboundId,
    });
    expect(html).toContain(`${HIDDEN_TOKEN_ATTRIBUTE}="${token}"`);
    expect(html).toContain(`{#SM:${token}#}`);
    expect(res.body.internetMessageId).toContain(token);
    expect(html).toContain('Dear Lee Gu,');
    expect(mail!.toRecipients.map((r) => r.emailAddress.address)).toEqual([CUSTOMER]);
    expect(mail!.ccRecipients.map((r) => r.emailAddress.address)).toEqual(['adele@fabrikam.test']);
    expect(header(mail!, 'X-Auto-Response-Suppress')).toBe('OOF, AutoReply');
    expect(header(mail!, 'X-Loop')).toBe(DESK);
    expect(header(mail!, 'X-SM-Ref')).toBe(token);

    const sent = await stack.mailbox(DESK, 'sentitems');
    expect(sent.map((m) => m.internetMessageId)).toContain(`<${res.body.internetMessageId}>`);
    expect(await stack.mailbox(DESK, 'drafts')).toEqual([]);

    const log = await stack
      .api()
      .get(`/api/requests/${sr}/emails`)
      .auth(stack.agent, { type: 'bearer' })
      .expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: res.body.outboundId,
        status: 'sent',
        trigger: 'manual',
        templateId: 'reply-to-customer',
        token,
        subject: mail!.subject,
        to: [{ name: 'Lee Gu', address: CUSTOMER }],
        conversationId: expect.any(String),
        sentAt: expect.any(String),
        actor: expect.objectContaining({ name: 'Alex Wilber (Agent)' }),
      }),
    ]);
    const history = await stack
      .api()
      .get(`/api/requests/${sr}/history`)
      .auth(stack.agent, { type: 'bearer' })
      .expect(200);
    expect(history.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'email-sent',
        details: expect.objectContaining({ outboundId: res.body.outboundId, to: [CUSTOMER] }),
      }),
    );
  });

  it('gives free text the reply line too, and escapes what placeholders bring in', async () => {
    const sr = await createSr(stack, {
      title: '<img src=x onerror=alert(1)> & "quotes"',
      requester: { name: 'Eve <script>', email: 'eve@fabrikam.test' },
    });
    const res = await send(sr, {
      subject: 'About #SR_TITLE#',
      bodyHtml:
        '<p onclick="steal()">Hi #REQUESTER_NAME#, <a href="javascript:alert(1)">click</a></p><script>alert(2)</script>',
    }).expect(201);
    const [mail] = await stack.waitForMail('eve@fabrikam.test', (m) => m.length === 1);
    const html = mail!.body.content;
    expect(html).toMatch(/##- Please type your reply above this line -## \[SR-/);
    expect(html).toContain('Hi Eve &lt;script&gt;,');
    expect(html).not.toMatch(/<script|onclick|onerror=alert|javascript:/i);
    expect(mail!.subject).toBe(`About <img src=x onerror=alert(1)> & "quotes" [${sr}]`);
    expect(res.body.status).toBe('sent');
  });

  it('sends attachments under 3 MB in one call and larger ones through an upload session', async () => {
    const sr = await createSr(stack, { requester: { name: 'Ana', email: 'ana@fabrikam.test' } });
    const small = Buffer.from('a small text file\n');
    const large = Buffer.alloc(5 * 1024 * 1024 + 123, 7);
    large.write('start of a large file');
    const upload = async (bytes: Buffer, name: string) =>
      (
        await stack
          .api()
          .post(`/api/requests/${sr}/attachments`)
          .auth(stack.agent, { type: 'bearer' })
          .attach('file', bytes, name)
          .expect(201)
      ).body.id as string;
    const ids = [await upload(small, 'notes.txt'), await upload(large, 'scan.pdf')];
    const before = stack.emulator.exchanges.length;
    await send(sr, { templateId: 'reply-to-customer', attachmentIds: ids }).expect(201);

    const [mail] = await stack.waitForMail('ana@fabrikam.test', (m) => m.length === 1);
    const byName = new Map(
      (mail!.attachments ?? []).map((a) => [a.name, Buffer.from(a.contentBytes ?? '', 'base64')]),
    );
    expect(byName.get('notes.txt')).toEqual(small);
    expect(byName.get('scan.pdf')?.equals(large)).toBe(true);
    const calls = stack.emulator.exchanges.slice(before).map((e) => `${e.method} ${e.path}`);
    expect(calls.filter((c) => /\/attachments\/createUploadSession$/i.test(c))).toHaveLength(1);
    expect(calls.filter((c) => /^POST .*\/messages\/[^/]+\/attachments$/i.test(c))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('PUT ')).length).toBeGreaterThanOrEqual(2);
  });
});
