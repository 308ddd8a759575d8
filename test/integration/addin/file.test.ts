import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { TENANT_ID, CLIENT_ID, createTestApi, type TestApi } from '../../support/test-api.js';
import {
  createRequest,
  damage,
  emailFor,
  outlookReplyQuoting,
  post,
  recordMailCenterItem,
  recordSentEmail,
} from './addin-fixtures.js';
import { allRecords } from '../../support/store-records.js';

// POST /api/addin/file: the engine's apply step for an email an agent chose the SR for in Outlook.

const REPORT = {
  id: 'att-report',
  name: 'battery-report.pdf',
  contentType: 'application/pdf',
  size: 20,
  isInline: false,
  kind: 'file' as const,
};
const PHOTO = {
  id: 'att-photo',
  name: 'photo.jpg',
  contentType: 'image/jpeg',
  size: 10,
  isInline: false,
  kind: 'file' as const,
};
const LOGO = {
  id: 'att-logo',
  name: 'image001.png',
  contentType: 'image/png',
  size: 9,
  isInline: true,
  kind: 'file' as const,
};
const BYTES = {
  'att-report': '%PDF-1.4 battery report',
  'att-photo': 'jpeg bytes',
  'att-logo': 'png bytes',
} as const;
const content = (id: keyof typeof BYTES) => ({
  id,
  contentBase64: Buffer.from(BYTES[id]).toString('base64'),
});

describe('add-in: file as reply on an SR', () => {
  let api: TestApi;
  let sr: { id: number; number: string };
  let email: ReturnType<typeof emailFor>;

  beforeEach(async () => {
    api = await createTestApi();
    await createRequest(api, 'Printer jams');
    sr = await createRequest(api, 'Laptop battery drains overnight');
    const sent = await recordSentEmail(api, sr.id, 1);
    const body = outlookReplyQuoting(
      sent.markerLine.replace(sent.token, damage(sent.token)),
      'Still draining. Report attached.',
    );
    email = emailFor({ bodyHtml: body.html, bodyText: body.text, attachments: [REPORT, PHOTO, LOGO] });
  });

  const get = async (path: string) =>
    (
      await request(api.app)
        .get(path)
        .auth(await api.agent(), { type: 'bearer' })
        .expect(200)
    ).body;

  it('makes a PUBLIC note of the reply, with only the ticked attachments, in "Other"', async () => {
    const res = await post(
      api,
      '/api/addin/file',
      { requestId: sr.number, email, attachments: [content('att-report'), content('att-logo')] },
      201,
    );
    expect(res.body.filing).toMatchObject({
      requestId: sr.id,
      number: sr.number,
      source: 'addin',
      noteUrl: `/tab/#/requests/${sr.number}`,
    });
    expect(res.body.statusChange).toEqual({ from: 'New', to: 'Customer Replied' });
    expect(res.body.attachmentIds).toHaveLength(2);

    const notes = (await get(`/api/requests/${sr.number}/notes`)).items;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: res.body.filing.noteId,
      typeCode: 'PUBLIC',
      accessLevel: 'User',
      source: 'addin',
      bodyText: 'Still draining. Report attached.',
    });
    expect(notes[0].email).toMatchObject({
      from: email.from,
      subject: email.subject,
      internetMessageId: email.internetMessageId,
      signal: 'addin',
    });
    expect(notes[0].bodyHtml).not.toContain('We are on it');

    const attachments = (await get(`/api/requests/${sr.number}/attachments`)).items as {
      id: string;
      fileName: string;
      folder: string;
      noteId: string;
    }[];
    expect(attachments.map((a) => [a.fileName, a.folder, a.noteId]).sort()).toEqual([
      ['battery-report.pdf', 'Other', res.body.filing.noteId],
      ['image001.png', 'Other', res.body.filing.noteId],
    ]);
    const report = attachments.find((a) => a.fileName === 'battery-report.pdf');
    const bytes = await request(api.app)
      .get(`/api/requests/${sr.number}/attachments/${report?.id}/content`)
      .auth(await api.agent(), { type: 'bearer' })
      .buffer(true)
      .expect(200);
    expect(Buffer.from(bytes.body as Buffer).toString()).toBe(BYTES['att-report']);

    const history = (await get(`/api/requests/${sr.number}/history`)).items as {
      kind: string;
      summary: string;
    }[];
    expect(history.map((h) => h.kind)).toEqual(expect.arrayContaining(['linked-manually', 'status-changed']));
    expect(history.find((h) => h.kind === 'linked-manually')?.summary).toBe(
      `Email "${email.subject}" from Pat Customer <pat@fabrikam.test> filed from Outlook by agent; note created as a response to the email`,
    );
  });

  it('refuses to file the same email twice on the same SR, and says where it already is', async () => {
    const first = await post(
      api,
      '/api/addin/file',
      { requestId: sr.id, email, attachments: [content('att-report')] },
      201,
    );
    const again = await post(
      api,
      '/api/addin/file',
      {
        requestId: sr.number,
        email: { ...email, internetMessageId: email.internetMessageId.slice(1, -1) },
        attachments: [],
      },
      409,
    );
    expect(again.body.error).toMatchObject({
      code: 'conflict',
      message: `This email is already on ${sr.number}.`,
      details: { requestId: sr.id, number: sr.number, noteId: first.body.filing.noteId },
    });
    expect((await get(`/api/requests/${sr.number}/notes`)).items).toHaveLength(1);
    expect((await get(`/api/requests/${sr.number}/attachments`)).items).toHaveLength(1);
  });

  it('files the same email on a second SR when the agent chooses to (once per SR)', async () => {
    await post(api, '/api/addin/file', { requestId: sr.number, email, attachments: [] }, 201);
    await post(api, '/api/addin/file', { requestId: 'SR-000001', email, attachments: [] }, 201);
    const lookup = await post(api, '/api/addin/lookup', { email });
    expect(lookup.body.filings.map((f: { number: string }) => f.number).sort()).toEqual([
      'SR-000001',
      sr.number,
    ]);
    expect(lookup.body.filings.map((f: { filedBy: string }) => f.filedBy)).toEqual(['agent', 'agent']);
  });

  it("resolves the email's open Mail Center item as linked", async () => {
    const item = await recordMailCenterItem(api, email);
    const res = await post(api, '/api/addin/file', { requestId: sr.number, email, attachments: [] }, 201);
    const stored = await api.services.store.read((tx) => tx.collection('mailCenter').get(item.id));
    expect(stored).toMatchObject({
      state: 'linked',
      resolution: { requestId: sr.id, noteId: res.body.filing.noteId },
    });
    expect((await post(api, '/api/addin/lookup', { email })).body.state).toBe('filed');
  });

  it("writes the engine's ledger when the email was read in a mailbox the engine watches", async () => {
    const admin = await api.admin();
    await request(api.app)
      .post('/api/admin/mail/accounts')
      .auth(admin, { type: 'bearer' })
      .send({
        emailAddress: 'support@contoso.test',
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        clientSecret: 'a-client-secret-value',
        serviceMessaging: true,
      })
      .expect(201);
    const res = await post(
      api,
      '/api/addin/file',
      { requestId: sr.number, email: { ...email, mailbox: 'Support@contoso.test' }, attachments: [] },
      201,
    );
    const ledger = await api.services.store.read((tx) => allRecords(tx, 'processedMessages'));
    expect(ledger).toEqual([
      expect.objectContaining({
        id: `support@contoso.test|${email.internetMessageId}`,
        outcome: 'note',
        requestId: sr.id,
        noteId: res.body.filing.noteId,
        afterStep: 'pending',
      }),
    ]);
  });

  it("reads the email within the engine's time per email; over it, the note is the text part and says why", async () => {
    api.services.reader = { ...api.services.reader!, readTimeLimitMs: 1 };
    // 300 KB of quoted lines: no reader gets through that within 1 ms, however warm.
    const long = {
      ...email,
      bodyHtml: `${email.bodyHtml}${'<blockquote><p>Earlier line</p></blockquote>'.repeat(7_000)}`,
    };
    const res = await post(
      api,
      '/api/addin/file',
      { requestId: sr.number, email: long, attachments: [] },
      201,
    );
    const notes = (await get(`/api/requests/${sr.number}/notes`)).items;
    expect(notes.map((n: { id: string }) => n.id)).toEqual([res.body.filing.noteId]);
    expect(notes[0].bodyText).toMatch(
      /took longer than the 1 ms allowed for one email\. So this note is taken from its plain-text version/,
    );
  });

  it('says which SR does not exist, and files nothing', async () => {
    const res = await post(
      api,
      '/api/addin/file',
      { requestId: 'SR-000999', email, attachments: [content('att-report')] },
      404,
    );
    expect(res.body.error.message).toBe('Service Request SR-000999 does not exist.');
    expect(await api.services.store.read((tx) => tx.collection('notes').count())).toBe(0);
  });

  it('refuses attachments the email does not list, and more than the cap', async () => {
    const unknown = await post(
      api,
      '/api/addin/file',
      { requestId: sr.number, email, attachments: [{ id: 'att-other', contentBase64: 'AAAA' }] },
      400,
    );
    expect(unknown.body.error.message).toMatch(/att-other is not one of the email's attachments/);
    const big = Buffer.alloc(13 * 1024 * 1024, 1).toString('base64');
    const tooMuch = await post(
      api,
      '/api/addin/file',
      {
        requestId: sr.number,
        email,
        attachments: [
          { id: 'att-report', contentBase64: big },
          { id: 'att-photo', contentBase64: big },
        ],
      },
      413,
    );
    expect(tooMuch.body.error.message).toMatch(/larger than 25 MB together/);
    await post(
      api,
      '/api/addin/file',
      { requestId: sr.number, email, attachments: [{ id: 'att-report', contentBase64: 'not base64!' }] },
      400,
    );
    expect(await api.services.store.read((tx) => tx.collection('notes').count())).toBe(0);
  });

  it('needs the agent role', async () => {
    await post(
      api,
      '/api/addin/file',
      { requestId: sr.number, email, attachments: [] },
      403,
      await api.token({ roles: [] }),
    );
  });
});
