import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/test-api.js';
import { createRequest, emailFor, post } from './addin-fixtures.js';

// POST /api/addin/move (an email filed on the wrong SR) and POST /api/addin/create (a new SR from the email).

const PHOTO = {
  id: 'att-photo',
  name: 'photo.jpg',
  contentType: 'image/jpeg',
  size: 10,
  isInline: false,
  kind: 'file' as const,
};
const photoContent = { id: 'att-photo', contentBase64: Buffer.from('jpeg bytes').toString('base64') };

describe('add-in: move to another SR', () => {
  let api: TestApi;
  let wrong: { id: number; number: string };
  let right: { id: number; number: string };
  let email: ReturnType<typeof emailFor>;
  let noteId: string;

  beforeEach(async () => {
    api = await createTestApi();
    wrong = await createRequest(api, 'Printer jams');
    right = await createRequest(api, 'Laptop battery drains overnight');
    email = emailFor({
      bodyHtml: '<p>Battery still drains.</p><p><img src="cid:photo"></p>',
      attachments: [PHOTO],
    });
    noteId = (
      await post(api, '/api/addin/file', { requestId: wrong.number, email, attachments: [photoContent] }, 201)
    ).body.filing.noteId;
  });

  const get = async (path: string) =>
    (
      await request(api.app)
        .get(path)
        .auth(await api.agent(), { type: 'bearer' })
        .expect(200)
    ).body;

  it('moves the note and its attachments, and both histories record it', async () => {
    const res = await post(api, '/api/addin/move', {
      internetMessageId: email.internetMessageId,
      fromRequestId: wrong.number,
      toRequestId: right.id,
    });
    expect(res.body).toMatchObject({
      from: { requestId: wrong.id, number: wrong.number },
      filing: { requestId: right.id, number: right.number, noteId },
    });

    expect((await get(`/api/requests/${wrong.number}/notes`)).items).toEqual([]);
    expect((await get(`/api/requests/${right.number}/notes`)).items.map((n: { id: string }) => n.id)).toEqual(
      [noteId],
    );
    expect((await get(`/api/requests/${wrong.number}/attachments`)).items).toEqual([]);
    const [photo] = (await get(`/api/requests/${right.number}/attachments`)).items as {
      id: string;
      noteId: string;
      folder: string;
    }[];
    expect(photo).toMatchObject({ noteId, folder: 'Other' });
    await request(api.app)
      .get(`/api/requests/${right.number}/attachments/${photo?.id}/content`)
      .auth(await api.agent(), { type: 'bearer' })
      .expect(200);

    const fromHistory = (await get(`/api/requests/${wrong.number}/history`)).items as {
      kind: string;
      summary: string;
    }[];
    const toHistory = (await get(`/api/requests/${right.number}/history`)).items as {
      kind: string;
      summary: string;
    }[];
    expect(fromHistory.find((h) => h.kind === 'note-moved')?.summary).toBe(
      `Email "${email.subject}" moved to ${right.number} by agent`,
    );
    expect(toHistory.find((h) => h.kind === 'note-moved')?.summary).toBe(
      `Email "${email.subject}" moved here from ${wrong.number} by agent`,
    );
    expect((await get(`/api/requests/${right.number}`)).hasNewEmailReply).toBe(true);
    expect(
      (await post(api, '/api/addin/lookup', { email })).body.filings.map((f: { number: string }) => f.number),
    ).toEqual([right.number]);
  });

  it('refuses a move to the SR that already has the email (a repeated move changes nothing)', async () => {
    await post(api, '/api/addin/move', {
      internetMessageId: email.internetMessageId,
      fromRequestId: wrong.number,
      toRequestId: right.number,
    });
    const again = await post(
      api,
      '/api/addin/move',
      { internetMessageId: email.internetMessageId, fromRequestId: wrong.number, toRequestId: right.number },
      409,
    );
    expect(again.body.error.message).toBe(`This email is already on ${right.number}.`);
    const moves = ((await get(`/api/requests/${right.number}/history`)).items as { kind: string }[]).filter(
      (h) => h.kind === 'note-moved',
    );
    expect(moves).toHaveLength(1);
  });

  it('says where the email is when it is not on the SR to move from', async () => {
    const third = await createRequest(api, 'VPN');
    const res = await post(
      api,
      '/api/addin/move',
      { internetMessageId: email.internetMessageId, fromRequestId: right.number, toRequestId: third.number },
      404,
    );
    expect(res.body.error.message).toBe(`This email is not on ${right.number}; it is on ${wrong.number}.`);
    await post(
      api,
      '/api/addin/move',
      { internetMessageId: email.internetMessageId, fromRequestId: wrong.number, toRequestId: wrong.number },
      400,
    );
    await post(
      api,
      '/api/addin/move',
      { internetMessageId: email.internetMessageId, fromRequestId: wrong.number, toRequestId: 'SR-000999' },
      404,
    );
  });

  it('needs the agent role', async () => {
    await post(
      api,
      '/api/addin/move',
      { internetMessageId: email.internetMessageId, fromRequestId: wrong.number, toRequestId: right.number },
      403,
      await api.token({ roles: [] }),
    );
  });
});

describe('add-in: create a new SR from the email', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
  });

  it('creates the SR with the sender as requester and the email as its first PUBLIC note', async () => {
    const email = emailFor({
      subject: 'RE: New starter needs a laptop',
      bodyHtml: '<p>Anna starts Monday.</p>',
      attachments: [PHOTO],
    });
    const res = await post(
      api,
      '/api/addin/create',
      { email, attachments: [photoContent], priority: 'High' },
      201,
    );
    const number = res.body.request.number as string;
    expect(res.body.request.title).toBe('RE: New starter needs a laptop');
    expect(res.body.statusChange).toBeUndefined();
    const sr = (
      await request(api.app)
        .get(`/api/requests/${number}`)
        .auth(await api.agent(), { type: 'bearer' })
        .expect(200)
    ).body;
    expect(sr).toMatchObject({
      requester: { name: 'Pat Customer', email: 'pat@fabrikam.test' },
      priority: 'High',
      status: 'New',
    });
    const notes = (
      await request(api.app)
        .get(`/api/requests/${number}/notes`)
        .auth(await api.agent(), { type: 'bearer' })
        .expect(200)
    ).body.items;
    expect(notes).toMatchObject([
      { id: res.body.filing.noteId, typeCode: 'PUBLIC', source: 'addin', bodyText: 'Anna starts Monday.' },
    ]);
    expect(res.body.attachmentIds).toHaveLength(1);
    const history = (
      await request(api.app)
        .get(`/api/requests/${number}/history`)
        .auth(await api.agent(), { type: 'bearer' })
        .expect(200)
    ).body.items as { kind: string; summary: string }[];
    expect(history.find((h) => h.kind === 'created')?.summary).toBe(
      `${number} created from an email in Outlook by agent`,
    );
  });

  it('takes the title the agent typed, and refuses an email that is already on an SR', async () => {
    const email = emailFor();
    const first = await post(
      api,
      '/api/addin/create',
      { email, attachments: [], title: 'Order 4711 missing' },
      201,
    );
    expect(first.body.request.title).toBe('Order 4711 missing');
    const again = await post(api, '/api/addin/create', { email, attachments: [] }, 409);
    expect(again.body.error.message).toBe(`This email is already on ${first.body.request.number}.`);
    expect(await api.services.store.read((tx) => tx.collection('requests').count())).toBe(1);
  });

  it('refuses bad input and callers without the role', async () => {
    await post(api, '/api/addin/create', { email: emailFor(), attachments: [], priority: 'Urgent' }, 400);
    await post(api, '/api/addin/create', { email: emailFor(), attachments: [], title: '   ' }, 400);
    await post(
      api,
      '/api/addin/create',
      { email: emailFor(), attachments: [] },
      403,
      await api.token({ roles: [] }),
    );
    expect(await api.services.store.read((tx) => tx.collection('requests').count())).toBe(0);
  });
});
