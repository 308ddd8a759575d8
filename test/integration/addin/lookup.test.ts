import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/test-api.js';
import {
  createRequest,
  damage,
  emailFor,
  outlookReplyQuoting,
  post,
  recordMailCenterItem,
  recordSentEmail,
} from './addin-fixtures.js';

// POST /api/addin/lookup: where the open email stands, as the pane's first question.
describe('add-in lookup', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
  });

  it('says an email with no marker and none of our headers is unknown, and why', async () => {
    const res = await post(api, '/api/addin/lookup', { email: emailFor() });
    expect(res.body).toMatchObject({ state: 'unknown', filings: [], markers: [] });
    expect(res.body.summary).toMatch(/Nothing ties it to an SR/);
  });

  it('reads a damaged marker: unknown, with the SR number the marker still shows', async () => {
    await createRequest(api, 'Printer jams');
    const sr = await createRequest(api, 'Laptop battery');
    const sent = await recordSentEmail(api, sr.id, 1);
    const body = outlookReplyQuoting(sent.markerLine.replace(sent.token, damage(sent.token)));
    const res = await post(api, '/api/addin/lookup', {
      email: emailFor({ bodyHtml: body.html, bodyText: body.text }),
    });
    expect(res.body.state).toBe('unknown');
    expect(res.body.markers).toEqual([{ status: 'damaged', number: sr.number, token: damage(sent.token) }]);
    expect(res.body.summary).toBe(
      `Its reply marker for ${sr.number} was damaged, so it could not be filed automatically.`,
    );
  });

  it('says an email with an intact marker belongs to its SR even before it is filed', async () => {
    const sr = await createRequest(api, 'Printer jams');
    const sent = await recordSentEmail(api, sr.id, 1);
    const body = outlookReplyQuoting(sent.markerLine);
    const res = await post(api, '/api/addin/lookup', { email: emailFor({ bodyHtml: body.html }) });
    expect(res.body.markers).toEqual([{ status: 'valid', number: sr.number, token: sent.token }]);
    expect(res.body.summary).toMatch(new RegExp(`belongs to ${sr.number} but is not filed there yet`));
  });

  it('finds the Mail Center item by internetMessageId, with the reason in words and the evidence', async () => {
    const email = emailFor();
    const item = await recordMailCenterItem(api, email, {
      reason: 'token-invalid',
      evidence: ['The reply marker SR-000002-… failed its check.'],
    });
    const res = await post(api, '/api/addin/lookup', {
      email: { ...email, internetMessageId: email.internetMessageId.slice(1, -1) },
    });
    expect(res.body.state).toBe('mail-center');
    expect(res.body.mailCenter).toEqual({
      itemId: item.id,
      reason: 'token-invalid',
      reasonText: 'Its reply marker was damaged or not made by this desk, so it was not filed automatically.',
      evidence: ['The reply marker SR-000002-… failed its check.'],
      state: 'open',
    });
  });

  it('finds a note the mail engine made from the email: filed, with a link to the SR', async () => {
    const sr = await createRequest(api, 'Printer jams');
    const email = emailFor();
    await api.services.store.transact((tx) =>
      tx.collection('notes').insert({
        id: 'note-from-engine',
        requestId: sr.id,
        typeCode: 'PUBLIC',
        accessLevel: 'User',
        source: 'email',
        bodyHtml: '<p>Hello</p>',
        bodyText: 'Hello',
        author: { id: 'email:pat@fabrikam.test', name: 'Pat Customer', email: 'pat@fabrikam.test' },
        createdAt: '2026-03-02T09:31:00Z',
        email: {
          from: email.from,
          subject: email.subject,
          receivedAt: email.receivedAt,
          internetMessageId: email.internetMessageId,
          signal: 'ec-id',
        },
      }),
    );
    const res = await post(api, '/api/addin/lookup', { email });
    expect(res.body.state).toBe('filed');
    expect(res.body.filings).toEqual([
      {
        requestId: sr.id,
        number: sr.number,
        title: 'Printer jams',
        status: 'New',
        noteId: 'note-from-engine',
        filedAt: '2026-03-02T09:31:00Z',
        filedBy: 'Pat Customer',
        source: 'email',
        noteUrl: `/tab/#/requests/${sr.number}`,
      },
    ]);
  });

  it('needs a signed-in service desk agent', async () => {
    const email = emailFor();
    await request(api.app).post('/api/addin/lookup').send({ email }).expect(401);
    const res = await post(api, '/api/addin/lookup', { email }, 403, await api.token({ roles: [] }));
    expect(res.body.error.message).toMatch(/service desk agents/);
  });

  it('refuses bad input and says which field', async () => {
    const missingId = emailFor();
    delete (missingId as Partial<typeof missingId>).internetMessageId;
    const res = await post(api, '/api/addin/lookup', { email: missingId }, 400);
    expect(res.body.error).toMatchObject({
      message: 'Enter the email’s Message-ID.',
      details: [{ path: 'email.internetMessageId', message: 'Enter the email’s Message-ID.' }],
    });
    await post(api, '/api/addin/lookup', { email: emailFor({ receivedAt: 'yesterday' }) }, 400);
    await post(api, '/api/addin/lookup', { email: emailFor(), extra: true }, 400);
    const tooLong = await post(
      api,
      '/api/addin/lookup',
      { email: emailFor({ bodyHtml: 'x'.repeat(1_000_001) }) },
      400,
    );
    expect(tooLong.body.error.details).toEqual([
      { path: 'email.bodyHtml', message: tooLong.body.error.message },
    ]);
    expect(tooLong.body.error.message).toMatch(/^Use at most 1000000 characters for the email’s body\.$/);
  });
});
