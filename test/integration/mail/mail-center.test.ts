import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEcId } from '../../../api/src/domain/ec-id.js';
import { formatOwnMessageId } from '../../../api/src/domain/reply-marker.js';
import { formatSrNumber } from '../../../api/src/domain/service-request.js';
import { desk, type MailCenterItemBody } from './support/desk.js';
import { eventually, startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// Every email that does not become a note is held with a reason and the evidence, and the agent's actions on it
// (link, create SR, discard, reprocess) go through the same apply step as the engine.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  // 1 MB makes "too large" cheap to provoke; syncs are run by hand here ("Sync now").
  stack = await startMailStack({ notifications: false, env: { MAIL_MAX_MESSAGE_MB: '1' } });
  d = desk(stack);
});
afterAll(() => stack.close());

const keyring = () => stack.runtime.services.ecIdKeyring;
const stranger = { name: 'Eve Stranger', address: 'eve@elsewhere.test' };

async function heldAs(subject: string): Promise<MailCenterItemBody> {
  const { items } = await d.mailCenter({ state: 'all' });
  const item = items.find((i) => i.subject === subject);
  if (!item)
    throw new Error(
      `No Mail Center item "${subject}"; have ${items.map((i) => `${i.subject}:${i.reason}`).join(', ')}`,
    );
  return item;
}

describe('Mail Center reasons', () => {
  it('holds each kind of email that must not become a note, with its reason and evidence', async () => {
    const open = await d.createRequest({ status: 'Open' });
    const other = await d.createRequest({ status: 'Open' });
    const closed = await d.createRequest({ status: 'Closed' });
    const foreignKeyring = { current: { kid: 'another-install', secret: 'another-secret' }, previous: [] };
    const cases: Array<[string, Promise<Buffer>]> = [
      [
        'no-marker',
        customerReply({
          srId: open,
          keyring: keyring(),
          noMarker: true,
          subject: 'A question about my invoice',
        }),
      ],
      [
        'token-invalid',
        customerReply({ srId: open, keyring: foreignKeyring, subject: 'token from another install' }),
      ],
      [
        'conflicting-signals',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'two SRs',
          inReplyTo: formatOwnMessageId(
            encodeEcId({ requestId: other, outboundId: 1 }, keyring()),
            'contoso.test',
          ),
        }),
      ],
      [
        'unknown-sender',
        customerReply({ srId: open, keyring: keyring(), from: stranger, subject: 'from a stranger' }),
      ],
      ['sr-closed', customerReply({ srId: closed, keyring: keyring(), subject: 'reply to a closed SR' })],
      [
        'sr-not-found',
        customerReply({ srId: 987654, keyring: keyring(), subject: 'reply to an SR that never was' }),
      ],
      [
        'auto-reply',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'Automatic reply: Your request',
          headers: { 'Auto-Submitted': 'auto-replied' },
        }),
      ],
      [
        'bounce',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'Undeliverable: Your request',
          from: { name: 'Microsoft Outlook', address: 'postmaster@fabrikam.test' },
          headers: { 'X-MS-Exchange-Message-Is-Ndr': '' },
        }),
      ],
      [
        'own-mail',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'our own mail looped back',
          from: { name: 'Contoso Support', address: 'support@contoso.test' },
        }),
      ],
      [
        'loop',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'a relay loop',
          headers: { 'X-Loop': 'support@contoso.test' },
        }),
      ],
      [
        'system',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'Accepted: Review meeting',
          headers: { 'Content-Class': 'urn:content-classes:calendarmessage' },
        }),
      ],
      [
        'too-large',
        customerReply({
          srId: open,
          keyring: keyring(),
          subject: 'a huge attachment',
          attachments: [{ filename: 'big.bin', content: Buffer.alloc(1_200_000, 1) }],
        }),
      ],
    ];
    for (const [, mime] of cases) await d.deliver(await mime);
    const report = await d.syncNow();
    expect(report).toMatchObject({ listed: cases.length, mailCenter: cases.length, notes: 0, failed: 0 });
    for (const [reason, mime] of cases) {
      const subject = /^Subject: (.*)$/m.exec((await mime).toString())?.[1]?.trim() ?? '';
      const item = await heldAs(subject);
      expect(item, subject).toMatchObject({ reason, state: 'open' });
      expect(item.evidence.length, `${reason} has evidence`).toBeGreaterThan(0);
    }
    expect((await heldAs('two SRs')).candidateRequestIds.sort()).toEqual([open, other].sort());
    expect(await d.notes(open)).toHaveLength(0);
    // Held mail is processed too: read in the mailbox, never imported again.
    expect((await d.inbox()).every((m) => m.isRead)).toBe(true);
    expect(await d.syncNow()).toMatchObject({ listed: 0 });
  });

  it("holds a stranger's email with only an SR number in the subject as unknown-sender, naming and suggesting that SR", async () => {
    const id = await d.createRequest({ status: 'Open' });
    const number = formatSrNumber(id);
    await d.deliver(
      await customerReply({
        srId: id,
        keyring: keyring(),
        noMarker: true,
        from: stranger,
        subject: `Printer still jamming [${number}]`,
      }),
    );
    expect(await d.syncNow()).toMatchObject({ mailCenter: 1, notes: 0 });
    const item = await heldAs(`Printer still jamming [${number}]`);
    expect(item).toMatchObject({ reason: 'unknown-sender', state: 'open', candidateRequestIds: [id] });
    expect(item.evidence.join(' ')).toContain(
      `The subject names ${number}, but eve@elsewhere.test is not its requester or a participant`,
    );
    expect(item.evidence.join(' ')).not.toMatch(/No reference to a Service Request/);
    expect(await d.notes(id)).toHaveLength(0);

    // "Participants only": the same email is kept as ignored, still with the SR suggested; never a note.
    await d.settings({ senderPolicy: 'participants-only' });
    try {
      await d.deliver(
        await customerReply({
          srId: id,
          keyring: keyring(),
          noMarker: true,
          from: stranger,
          subject: `Re: [${number}] again`,
        }),
      );
      expect(await d.syncNow()).toMatchObject({ mailCenter: 1, notes: 0 });
      expect(await heldAs(`Re: [${number}] again`)).toMatchObject({
        reason: 'unknown-sender',
        state: 'ignored',
        candidateRequestIds: [id],
      });
    } finally {
      await d.settings({ senderPolicy: 'review' });
    }
    expect(await d.notes(id)).toHaveLength(0);
  });

  it('holds a reply with a blocked file type when the policy says Mail Center, and strips it when it says strip', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.settings({ blockedAttachmentAction: 'mail-center' });
    await d.deliver(
      await customerReply({
        srId: id,
        keyring: keyring(),
        subject: 'blocked one',
        attachments: [{ filename: 'invoice.pdf.exe', content: 'MZ' }],
      }),
    );
    await d.syncNow();
    expect(await heldAs('blocked one')).toMatchObject({ reason: 'attachment-blocked' });

    await d.settings({ blockedAttachmentAction: 'strip' });
    await d.deliver(
      await customerReply({
        srId: id,
        keyring: keyring(),
        subject: 'stripped one',
        attachments: [
          { filename: 'run.ps1', content: 'x' },
          { filename: 'notes.txt', content: 'ok' },
        ],
      }),
    );
    await d.syncNow();
    const [note] = await d.notes(id);
    expect(note?.bodyText).toContain('"run.ps1" was removed');
    expect((await d.attachments(id)).map((a) => a.fileName)).toEqual(['notes.txt']);
  });

  it('keeps a processing failure as processing-failed with an error id, and files the email on a later attempt', async () => {
    const id = await d.createRequest({ status: 'Open' });
    // The attachment download fails once with a 500 (not retried by the client), so processing throws.
    await stack.emulator.control('POST', '/faults', {
      script: [
        { method: 'GET', path: '/v1.0/users/*/messages/*/attachments/*/$value', status: 500, times: 1 },
      ],
    });
    await d.deliver(
      await customerReply({
        srId: id,
        keyring: keyring(),
        subject: 'fails once',
        attachments: [{ filename: 'a.txt', content: 'hello' }],
      }),
    );
    const report = await d.syncNow();
    expect(report).toMatchObject({ failed: 1, notes: 0 });
    const failed = await heldAs('fails once');
    expect(failed).toMatchObject({ reason: 'processing-failed', state: 'open', attempts: 1 });
    expect(failed.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(failed)).not.toMatch(/at \w+ \(|\.ts:\d+/);
    expect((await d.inbox()).find((m) => m.subject === 'fails once')?.isRead).toBe(false);

    // The engine schedules the retry itself after the backoff (MAIL_RETRY_BASE_SEC=1 here).
    const [note] = await eventually(
      'the retried email filed',
      async () => ((await d.notes(id)).length > 0 ? d.notes(id) : undefined),
      10_000,
    );
    expect(note?.bodyText).toContain('Thanks');
    expect(
      (await d.mailCenter({ state: 'all' })).items.find((i) => i.subject === 'fails once'),
    ).toBeUndefined();
    expect(await d.attachments(id)).toEqual([
      expect.objectContaining({ fileName: 'a.txt', folder: 'Other' }),
    ]);
  });
});

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
    const item = await heldAs('A question about my invoice');
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
    const item = await heldAs('A question about my invoice');
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
    const item = await heldAs('token from another install');
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
    const held = await heldAs('from a stranger');
    const srId = held.candidateRequestIds[0] ?? 0;
    const before = await stack.api().post(`/api/mail-center/${held.id}/reprocess`).set(d.as(stack.agent));
    expect(before.body).toMatchObject({ state: 'open', reason: 'unknown-sender' });
    await stack
      .api()
      .patch(`/api/requests/${srId}`)
      .set(d.as(stack.agent))
      .send({ participants: ['eve@elsewhere.test'] })
      .expect(200);
    const after = await stack.api().post(`/api/mail-center/${held.id}/reprocess`).set(d.as(stack.agent));
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body).toMatchObject({ state: 'linked', resolution: { requestId: srId } });
    expect((await d.notes(srId)).filter((n) => n.email?.subject === 'from a stranger')).toHaveLength(1);
  });

  it('discards one email, or several at once', async () => {
    const one = await heldAs('Automatic reply: Your request');
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
