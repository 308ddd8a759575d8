import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldMailCases, startMailCenterStack, type MailCenterStack } from './support/mail-center-desk.js';
import type { MailStack } from './support/mail-stack.js';

// The agent's actions on held email (link, create SR, discard, reprocess) go through the same apply step as the
// engine; retention purges held items but never the ledger. The desk starts with one held email per reason.

let stack: MailStack;
let d: MailCenterStack['d'];
let keyring: MailCenterStack['keyring'];
beforeAll(async () => {
  ({ stack, d, keyring } = await startMailCenterStack());
  const { cases } = await heldMailCases(d, keyring);
  for (const [, mime] of cases) await d.deliver(await mime);
  await d.syncNow();
});
afterAll(() => stack.close());

describe('Mail Center actions', () => {
  it('lists with filters, search and paging', async () => {
    const page = await d.mailCenter({ reason: 'auto-reply' });
    expect(page.items.every((i) => i.reason === 'auto-reply')).toBe(true);
    expect(page.total).toBeGreaterThan(0);
    const found = await d.mailCenter({ q: 'huge attachment' });
    expect(found.items.map((i) => i.subject)).toEqual(['a huge attachment']);
    const first = await d.mailCenter({ limit: '2' });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
  });

  it('serves the stored original as MIME', async () => {
    const item = await d.heldItem('A question about my invoice');
    const res = await stack
      .api()
      .get(`/api/mail-center/${item.id}/original`)
      .set(d.as(stack.agent))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^message\/rfc822/);
    expect((res.body as Buffer).toString()).toMatch(/Subject: A question about my invoice/);
  });

  it('links an email to an SR through the apply step, with "linked manually by" in the history', async () => {
    const id = await d.createRequest({ status: 'Awaiting Customer' });
    const item = await d.heldItem('A question about my invoice');
    const res = await stack
      .api()
      .post(`/api/mail-center/${item.id}/link`)
      .set(d.as(stack.agent))
      .send({ requestId: `SR-${String(id).padStart(6, '0')}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      item: { state: 'linked', resolution: { requestId: id } },
      note: { typeCode: 'PUBLIC', requestId: id, email: { signal: 'manual' } },
    });
    expect(await d.request(id)).toMatchObject({ status: 'Customer Replied', hasNewEmailReply: true });
    const history = await d.history(id);
    expect(history.find((h) => h.kind === 'linked-manually')?.summary).toMatch(/linked manually by/);
    const again = await stack
      .api()
      .post(`/api/mail-center/${item.id}/link`)
      .set(d.as(stack.agent))
      .send({ requestId: String(id) });
    expect(again.status).toBe(409);
  });

  it('creates a new SR from an email, the sender as requester and the email as its first note', async () => {
    const item = await d.heldItem('token from another install');
    const res = await stack.api().post(`/api/mail-center/${item.id}/create-request`).set(d.as(stack.agent));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = res.body as {
      request: { id: number; title: string; requester: { email: string }; status: string };
      item: { state: string };
    };
    expect(created.item.state).toBe('created');
    expect(created.request).toMatchObject({
      title: 'token from another install',
      requester: { email: 'diego@fabrikam.test' },
      status: 'New',
    });
    expect(await d.notes(created.request.id)).toHaveLength(1);
  });

  it('reprocesses after a configuration fix: the stranger becomes a participant and the email a note', async () => {
    const held = await d.heldItem('from a stranger');
    const requestId = held.candidateRequestIds[0] ?? 0;
    const before = await stack.api().post(`/api/mail-center/${held.id}/reprocess`).set(d.as(stack.agent));
    expect(before.body).toMatchObject({ state: 'open', reason: 'unknown-sender' });
    await stack
      .api()
      .patch(`/api/requests/${requestId}`)
      .set(d.as(stack.agent))
      .send({ participants: ['eve@elsewhere.test'] })
      .expect(200);
    const after = await stack.api().post(`/api/mail-center/${held.id}/reprocess`).set(d.as(stack.agent));
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body).toMatchObject({ state: 'linked', resolution: { requestId } });
    expect((await d.notes(requestId)).filter((n) => n.email?.subject === 'from a stranger')).toHaveLength(1);
  });

  it('discards one email, or several at once', async () => {
    const one = await d.heldItem('Automatic reply: Your request');
    const res = await stack.api().post(`/api/mail-center/${one.id}/discard`).set(d.as(stack.agent));
    expect(res.body).toMatchObject({ state: 'discarded', resolution: { by: { name: expect.any(String) } } });
    const rest = (await d.mailCenter({ state: 'open' })).items.map((i) => i.id);
    const bulk = await stack
      .api()
      .post('/api/mail-center/discard')
      .set(d.as(stack.agent))
      .send({ itemIds: [...rest, one.id] });
    expect(bulk.body).toEqual({ discarded: rest.length, skipped: 1 });
    expect((await d.mailCenter()).total).toBe(0);
  });
});

describe('retention', () => {
  it('purges items past the retention the admin set, keeps younger ones, and never imports a purged email again', async () => {
    const { purgeMailCenter } = await import('../../../api/src/services/mail-center/purge-mail-center.js');
    const { services } = stack.runtime;
    const before = (await d.mailCenter({ state: 'all' })).items;
    expect(before.length).toBeGreaterThan(0);
    const ledger = await services.store.read((tx) => tx.collection('processedMessages').count());
    const settings = await stack.api().get('/api/admin/settings').set(d.as(stack.admin));
    const put = await stack
      .api()
      .put('/api/admin/settings')
      .set(d.as(stack.admin))
      .send({ ...settings.body, mailCenterRetentionDays: 7 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const DAY = 24 * 60 * 60_000;

    expect(
      await purgeMailCenter({ store: services.store, clock: () => new Date(Date.now() + 6 * DAY) }),
    ).toBe(0);
    expect((await d.mailCenter({ state: 'all' })).total).toBe(before.length);
    expect(
      await purgeMailCenter({ store: services.store, clock: () => new Date(Date.now() + 8 * DAY) }),
    ).toBe(before.length);
    expect((await d.mailCenter({ state: 'all' })).total).toBe(0);

    // The ledger outlives the items: the same emails delivered again are not held (or filed) a second time.
    expect(await services.store.read((tx) => tx.collection('processedMessages').count())).toBe(ledger);
    const mailbox = '/mailboxes/support@contoso.test/messages';
    const held = before.map((item) => item.subject);
    const again = (await d.inbox()).filter((m) => held.includes(m.subject)).slice(0, 3);
    expect(again.length).toBeGreaterThan(0);
    for (const message of again) {
      const mime = Buffer.from(
        await (
          await stack.emulator.control('GET', `${mailbox}/${encodeURIComponent(message.id)}/$value`)
        ).arrayBuffer(),
      );
      expect(
        (await stack.emulator.control('POST', `${mailbox}?folder=inbox`, mime, 'message/rfc822')).status,
      ).toBe(201);
    }
    await d.syncNow();
    expect((await d.mailCenter({ state: 'all' })).total).toBe(0);
    expect(await services.store.read((tx) => tx.collection('processedMessages').count())).toBe(ledger);
  });
});
