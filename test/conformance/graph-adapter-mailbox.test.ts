import type { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphMailClient, type GraphMailClient } from '../../api/src/graph/graph-mail-client.js';
import { createGraphMailbox, type GraphMailbox } from '../../api/src/graph/graph-mailbox.js';
import { GraphError } from '../../api/src/ports/graph-error.js';
import { DEMO_TENANT_ID, SERVICE_MAILBOX } from '../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { NotificationSink } from '../support/emulator-notification-sink.js';

// The mailbox adapter (api/src/graph/graph-mailbox.ts) against the emulator, on the docs/graph-behaviour.md cases that concern the
// client side: folders by name and path, unread listing across pages while nothing is changed (C1, C2, C3),
// select-only fields (C7), attachment kinds (C8), move keeps immutable ids (C4), delete for good (C6), subscriptions.

let emulator: TestEmulator;
let client: GraphMailClient;
let mailbox: GraphMailbox;

beforeAll(async () => {
  emulator = await startTestEmulator();
  client = createGraphMailClient(
    { tenantId: DEMO_TENANT_ID, clientId: emulator.mailApp.clientId, userPrincipalName: SERVICE_MAILBOX },
    emulator.mailApp.clientSecret,
    { mode: 'emulator', baseUrl: emulator.url, authorityHost: emulator.authorityHost },
  );
  mailbox = createGraphMailbox(client);
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.control('DELETE', '/faults');
  await emulator.control('POST', '/reset');
});

async function deliver(
  message: Record<string, unknown>,
  folder = 'inbox',
): Promise<{ id: string; immutableId: string }> {
  const res = await emulator.control(
    'POST',
    `/mailboxes/${SERVICE_MAILBOX}/messages?folder=${encodeURIComponent(folder)}`,
    {
      from: { emailAddress: { address: 'ann@fabrikam.test' } },
      toRecipients: [{ emailAddress: { address: SERVICE_MAILBOX } }],
      body: { contentType: 'text', content: 'hello' },
      ...message,
    },
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; immutableId: string };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('folders', () => {
  it('finds well-known folders case-insensitively, child folders by name and by path, and says when there is none', async () => {
    const inbox = await mailbox.resolveFolder('Inbox');
    expect((await mailbox.resolveFolder('inbox')).id).toBe(inbox.id);
    const child = await client.post<{ id: string }>(
      `${client.userPath}/mailFolders/${inbox.id}/childFolders`,
      { displayName: 'Service Desk' },
    );
    expect((await mailbox.resolveFolder('Service Desk')).id).toBe(child?.id);
    expect((await mailbox.resolveFolder('Inbox/Service Desk')).id).toBe(child?.id);
    expect((await mailbox.resolveFolder(child?.id ?? '')).displayName).toBe('Service Desk');
    await expect(mailbox.resolveFolder('Inbox/Nowhere')).rejects.toMatchObject({
      status: 404,
      code: 'ErrorFolderNotFound',
    });
  });
});

describe('listing unread mail', () => {
  it('returns every unread message across pages, oldest first, before anything is marked read (C1, C3)', async () => {
    const sent: string[] = [];
    for (let i = 0; i < 230; i++)
      sent.push(
        (
          await deliver({
            subject: `m${i}`,
            receivedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          })
        ).immutableId,
      );
    await deliver({ subject: 'already read', isRead: true });
    const inbox = await mailbox.resolveFolder('inbox');
    const listed = await mailbox.listUnread(inbox.id, 1000);
    expect(listed.map((m) => m.id)).toEqual(sent);
    expect(
      emulator.exchanges.filter((e) => e.path.endsWith('/messages') && e.method === 'GET').length,
    ).toBeGreaterThan(1);
    for (const m of listed)
      expect(await mailbox.afterStep(m.id, { kind: 'mark-read' })).toEqual({ outcome: 'done' });
    expect(await mailbox.listUnread(inbox.id, 1000)).toEqual([]);
  }, 60_000);

  it('follows irregular pages to the end (C2) and stops at the limit', async () => {
    await emulator.control('POST', '/faults', { irregularPaging: true });
    for (let i = 0; i < 30; i++) await deliver({ subject: `irregular ${i}` });
    const inbox = await mailbox.resolveFolder('inbox');
    expect(new Set((await mailbox.listUnread(inbox.id, 1000)).map((m) => m.id)).size).toBe(30);
    expect(await mailbox.listUnread(inbox.id, 7)).toHaveLength(7);
  });

  it('selects internetMessageHeaders, uniqueBody and attachment metadata, never attachment bytes (C7)', async () => {
    await deliver({
      subject: 'fields',
      internetMessageHeaders: [{ name: 'x-custom', value: '1' }],
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: 'a.txt',
          contentType: 'text/plain',
          contentBytes: Buffer.from('hi').toString('base64'),
        },
      ],
    });
    const [listed] = await mailbox.listUnread((await mailbox.resolveFolder('inbox')).id, 10);
    expect(listed?.graph).toHaveProperty('internetMessageHeaders');
    expect(listed?.graph).toHaveProperty('uniqueBody');
    const attachments = listed?.graph.attachments as Array<Record<string, unknown>>;
    expect(attachments).toEqual([
      expect.objectContaining({ name: 'a.txt', size: expect.any(Number), isInline: false }),
    ]);
    expect(attachments[0]).not.toHaveProperty('contentBytes');
  });
});

describe('attachments (C8)', () => {
  it('streams file bytes, gives an attached email as MIME, an inline image with its content id, and refuses a cloud link', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    await deliver({
      subject: 'kinds',
      body: { contentType: 'html', content: '<p>see <img src="cid:img1@x"></p>' },
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: 'data.bin',
          contentType: 'application/octet-stream',
          contentBytes: Buffer.alloc(300_000, 7).toString('base64'),
        },
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: 'img.png',
          contentType: 'image/png',
          isInline: true,
          contentId: 'img1@x',
          contentBytes: png.toString('base64'),
        },
        {
          '@odata.type': '#microsoft.graph.itemAttachment',
          name: 'Forwarded',
          item: {
            '@odata.type': '#microsoft.graph.message',
            subject: 'Inner',
            body: { contentType: 'text', content: 'inner' },
          },
        },
        {
          '@odata.type': '#microsoft.graph.referenceAttachment',
          name: 'link.docx',
          sourceUrl: 'https://contoso.test/link.docx',
        },
      ],
    });
    const [listed] = await mailbox.listUnread((await mailbox.resolveFolder('inbox')).id, 10);
    const byName = new Map(
      (listed?.graph.attachments as Array<{ id: string; name: string }>).map((a) => [a.name, a.id]),
    );
    const id = listed?.id ?? '';
    expect(
      (await readAll((await mailbox.openAttachment(id, byName.get('data.bin') ?? '')).body)).equals(
        Buffer.alloc(300_000, 7),
      ),
    ).toBe(true);
    expect(
      (await readAll((await mailbox.openAttachment(id, byName.get('Forwarded') ?? '')).body)).toString(),
    ).toMatch(/Subject: Inner/);
    const inline = await mailbox.readInlineAttachment(id, byName.get('img.png') ?? '');
    expect(inline).toMatchObject({ contentId: 'img1@x', contentType: 'image/png' });
    expect(inline.bytes.equals(png)).toBe(true);
    const refused = await mailbox.openAttachment(id, byName.get('link.docx') ?? '').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({ status: 405 });
    expect((await readAll(await mailbox.openMime(id))).toString()).toMatch(/Subject: kinds/);
  });
});

describe('after-steps', () => {
  it('moves with the immutable id unchanged (C4), deletes for good rather than into Recoverable Items (C6), and says gone for a missing message', async () => {
    const moved = await deliver({ subject: 'to move' });
    const archive = await mailbox.resolveFolder('archive');
    expect(await mailbox.afterStep(moved.immutableId, { kind: 'move', folderId: archive.id })).toEqual({
      outcome: 'done',
    });
    const inArchive = await client.get<{ id: string; isRead: boolean; parentFolderId: string }>(
      `${client.userPath}/messages/${moved.immutableId}`,
    );
    expect(inArchive).toMatchObject({ id: moved.immutableId, isRead: true, parentFolderId: archive.id });

    const deleted = await deliver({ subject: 'to delete' });
    expect(await mailbox.afterStep(deleted.immutableId, { kind: 'delete' })).toEqual({ outcome: 'done' });
    const recoverable = await emulator.control(
      'GET',
      `/mailboxes/${SERVICE_MAILBOX}/messages?folder=recoverableitemsdeletions`,
    );
    expect(
      ((await recoverable.json()) as { value: Array<{ subject: string }> }).value.map((m) => m.subject),
    ).not.toContain('to delete');
    expect(await mailbox.afterStep(deleted.immutableId, { kind: 'mark-read' })).toEqual({ outcome: 'gone' });
  });

  it('sends a lone after-step as one request and a backlog as $batch chains of at most 20, each message with its own outcome', async () => {
    await emulator.control('POST', '/faults', { throttle: true, maxConcurrentPerMailbox: 4 });
    const lone = await deliver({ subject: 'lone' });
    emulator.exchanges.length = 0;
    expect(await mailbox.afterStep(lone.immutableId, { kind: 'mark-read' })).toEqual({ outcome: 'done' });
    expect(emulator.exchanges.map((e) => `${e.method} ${e.path.split('/').slice(-2, -1)[0]}`)).toEqual([
      'PATCH messages',
    ]);

    const backlog: string[] = [];
    for (let i = 0; i < 60; i++) backlog.push((await deliver({ subject: `backlog ${i}` })).immutableId);
    // One of them goes before its turn: a chain breaks behind it (424) and must still finish the rest.
    await client.post(`${client.userPath}/messages/${backlog[30]}/permanentDelete`, {}, { ignoreBody: true });
    const archive = await mailbox.resolveFolder('archive');
    emulator.exchanges.length = 0;
    const outcomes = await Promise.all(
      backlog.map((id, i) =>
        mailbox.afterStep(id, i % 10 === 9 ? { kind: 'move', folderId: archive.id } : { kind: 'mark-read' }),
      ),
    );

    expect(outcomes.filter((o) => o.outcome === 'gone')).toHaveLength(1);
    expect(outcomes[30]).toEqual({ outcome: 'gone' });
    expect(outcomes.filter((o) => o.outcome === 'done')).toHaveLength(59);
    const inbox = await mailbox.resolveFolder('inbox');
    expect(await mailbox.listUnread(inbox.id, 1000)).toEqual([]);
    expect(
      (
        await client.get<{ value: unknown[] }>(
          `${client.userPath}/mailFolders/${archive.id}/messages?$top=100`,
        )
      ).value,
    ).toHaveLength(6);
    const outer = emulator.exchanges.filter(
      (e) => !e.batched && e.path.startsWith('/v1.0/') && !e.path.includes('/mailFolders'),
    );
    const batches = outer.filter((e) => e.path.endsWith('/$batch'));
    expect(batches.length).toBeGreaterThan(0);
    expect(outer.length).toBeLessThan(30);
    expect(emulator.exchanges.filter((e) => e.status === 429)).toEqual([]);
  }, 60_000);
});

describe('subscriptions', () => {
  it('creates (after the validation handshake), lists, renews and deletes a subscription on the folder', async () => {
    const sink = await NotificationSink.start();
    try {
      const inbox = await mailbox.resolveFolder('inbox');
      const expiresAt = new Date(Date.now() + 2 * 86_400_000);
      const created = await mailbox.createSubscription({
        folderId: inbox.id,
        notificationUrl: `${sink.url}/n`,
        lifecycleNotificationUrl: `${sink.url}/n`,
        clientState: 'secret-state',
        expiresAt,
      });
      expect(sink.received.some((r) => r.query.has('validationToken'))).toBe(true);
      expect((await mailbox.listSubscriptions()).map((s) => s.id)).toContain(created.id);
      const renewed = await mailbox.renewSubscription(created.id, new Date(Date.now() + 3 * 86_400_000));
      expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(created.expiresAt));
      await mailbox.deleteSubscription(created.id);
      expect((await mailbox.listSubscriptions()).map((s) => s.id)).not.toContain(created.id);
      await mailbox.deleteSubscription(created.id);
    } finally {
      await sink.close();
    }
  });
});
