import { simpleParser } from 'mailparser';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk } from './support/desk.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// "View original" on an email note: the engine keeps the email as it arrived and the agent can read it (headers and
// the whole body, sanitised by the API) or download it; notes that did not come from the mailbox have none.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false });
  d = desk(stack);
});
afterAll(() => stack.close());

const keyring = () => stack.runtime.services.ecIdKeyring;
const get = (path: string, token?: string) => {
  const call = stack
    .api()
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return token ? call.set(d.as(token)) : call;
};
const json = (res: Response) => JSON.parse((res.body as Buffer).toString('utf8')) as Record<string, unknown>;

const HOSTILE =
  '<html><body><p>The Wi-Fi works again.</p><script>alert(1)</script><img src="https://tracker.example/x.gif" onerror="alert(2)">' +
  '<a href="javascript:alert(3)">click</a><meta http-equiv="refresh" content="0;url=https://evil.example"></body></html>';

describe('the original of an email note', () => {
  it('is kept for a reply the engine filed: readable with its headers and a sanitised body, and downloadable', async () => {
    const id = await d.createRequest({ status: 'Awaiting Customer' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        html: HOSTILE,
        text: 'The Wi-Fi works again.',
        attachments: [{ filename: 'wifi.log', content: 'ok\n', contentType: 'text/plain' }],
      }),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 1 });
    const [note] = await d.notes(id);
    expect(note).toMatchObject({ source: 'email', email: { hasOriginal: true } });

    const view = await get(`/api/requests/${id}/notes/${note!.id}/original/view`, stack.agent);
    expect(view.status, view.body.toString()).toBe(200);
    const original = json(view);
    expect(original).toMatchObject({
      from: { name: 'Diego Siciliani', address: 'diego@fabrikam.test' },
      to: [{ address: 'support@contoso.test' }],
      subject: expect.stringContaining('RE: Your request'),
      download: {
        contentType: 'application/json',
        fileName: expect.stringMatching(/^SR-\d{6}-email-.{8}\.json$/),
      },
    });
    expect(Date.parse(original.date as string)).not.toBeNaN();
    expect(original.bodyHtml).toContain('The Wi-Fi works again.');
    expect(original.bodyHtml).not.toMatch(/<script|onerror|javascript:|tracker\.example|<meta|alert/i);

    const raw = await get(`/api/requests/${id}/notes/${note!.id}/original`, stack.agent);
    expect(raw.status).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^application\/json/);
    expect(raw.headers['content-disposition']).toContain(
      (original.download as { fileName: string }).fileName,
    );
    expect(json(raw)).toMatchObject({
      subject: original.subject,
      from: { emailAddress: { address: 'diego@fabrikam.test' } },
    });
  });

  it('is the MIME (.eml) for an email an agent linked from the Mail Center', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        noMarker: true,
        subject: 'About my laptop, no marker',
        text: 'Still broken.',
      }),
    );
    await d.syncNow();
    const item = (await d.mailCenter()).items.find((i) => i.subject === 'About my laptop, no marker');
    expect(item?.reason).toBe('no-marker');
    const linked = await stack
      .api()
      .post(`/api/mail-center/${item!.id}/link`)
      .set(d.as(stack.agent))
      .send({ requestId: String(id) });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const noteId = (linked.body as { note: { id: string } }).note.id;

    const view = json(await get(`/api/requests/${id}/notes/${noteId}/original/view`, stack.agent));
    expect(view).toMatchObject({
      subject: 'About my laptop, no marker',
      download: { contentType: 'message/rfc822', fileName: expect.stringMatching(/\.eml$/) },
    });
    const raw = await get(`/api/requests/${id}/notes/${noteId}/original`, stack.agent);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    const parsed = await simpleParser(raw.body as Buffer);
    expect(parsed.subject).toBe('About my laptop, no marker');
    expect(parsed.text).toContain('Still broken.');
  });

  it('does not exist for a note an agent wrote: 404 with a message that says so', async () => {
    const id = await d.createRequest();
    const added = await stack
      .api()
      .post(`/api/requests/${id}/notes`)
      .set(d.as(stack.agent))
      .send({ body: 'Called the customer.' });
    expect(added.status).toBe(201);
    for (const path of ['original', 'original/view']) {
      const res = await stack
        .api()
        .get(`/api/requests/${id}/notes/${(added.body as { id: string }).id}/${path}`)
        .set(d.as(stack.agent));
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('not made from an email'),
      });
    }
    const missing = await stack
      .api()
      .get(`/api/requests/${id}/notes/no-such-note/original`)
      .set(d.as(stack.agent));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('no-such-note');
  });

  it('is for signed-in agents only', async () => {
    const id = await d.createRequest({ status: 'Awaiting Customer' });
    await d.deliver(await customerReply({ requestId: id, keyring: keyring(), text: 'Works now.' }));
    await d.syncNow();
    const [note] = await d.notes(id);
    for (const path of ['original', 'original/view']) {
      const anonymous = await stack.api().get(`/api/requests/${id}/notes/${note!.id}/${path}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('unauthenticated');
      expect((await get(`/api/requests/${id}/notes/${note!.id}/${path}`, stack.agent)).status).toBe(200);
    }
  });

  it('belongs to its SR: the note id under another SR is not found', async () => {
    const id = await d.createRequest({ status: 'Awaiting Customer' });
    const other = await d.createRequest();
    await d.deliver(await customerReply({ requestId: id, keyring: keyring(), text: 'Fine now.' }));
    await d.syncNow();
    const [note] = await d.notes(id);
    const res = await stack
      .api()
      .get(`/api/requests/${other}/notes/${note!.id}/original`)
      .set(d.as(stack.agent));
    expect(res.status).toBe(404);
  });
});
