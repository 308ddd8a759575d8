import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  createMessages,
  graphFailure,
  itMatchesTheSchemas,
  newFolder,
} from '../support/emulator-conformance.js';
import { IMMUTABLE, type Message, type Page } from './support/graph-messages.js';

announceTarget('mail-ids');

// docs/graph-behaviour.md §2-3 and cases C4-C7, C24: message ids across moves, the immutable-id preference, deletes,
// select-only properties and mailbox errors. Runs against the emulator, or a real tenant with GRAPH_LIVE=1.
describe('Graph mail: ids, moves, deletes, errors', () => {
  let t: GraphTarget;
  let mb: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    mb = t.mailbox;
  });
  afterAll(() => t.close());

  it('C4: move answers 201 with a new id and the old id is gone; with ImmutableId on every call the id survives', async () => {
    const [from, to] = [await newFolder(t, 'c4 from'), await newFolder(t, 'c4 to')];
    const [message] = await createMessages(t.graph, mb, from, 1);
    const moved = (await t.graph
      .api(`/users/${mb}/messages/${message!.id}/move`)
      .post({ destinationId: to })) as Message & { parentFolderId: string };
    expect(moved.id).not.toBe(message!.id);
    expect(moved.parentFolderId).toBe(to);
    const stale = await graphFailure(t.graph.api(`/users/${mb}/messages/${message!.id}`).get());
    expect([stale.statusCode, stale.code]).toEqual([404, 'ErrorItemNotFound']);
    const immutable = (await t.graph
      .api(`/users/${mb}/mailFolders/${from}/messages`)
      .header('Prefer', IMMUTABLE)
      .post({ subject: 'immutable' })) as Message;
    const movedImmutable = (await t.graph
      .api(`/users/${mb}/messages/${immutable.id}/move`)
      .header('Prefer', IMMUTABLE)
      .post({ destinationId: to })) as Message;
    expect(movedImmutable.id).toBe(immutable.id);
    expect(
      (
        (await t.graph
          .api(`/users/${mb}/messages/${immutable.id}`)
          .header('Prefer', IMMUTABLE)
          .get()) as Message
      ).id,
    ).toBe(immutable.id);
  });

  it('C5: the ImmutableId preference applies per request: a follow-up call without it sees the other id format', async () => {
    const folder = await newFolder(t, 'c5');
    await createMessages(t.graph, mb, folder, 1);
    const listed = (await t.graph
      .api(`/users/${mb}/mailFolders/${folder}/messages`)
      .header('Prefer', IMMUTABLE)
      .get()) as Page;
    const immutableId = listed.value[0]!.id;
    const patched = (await t.graph
      .api(`/users/${mb}/messages/${immutableId}`)
      .patch({ isRead: true })) as Message;
    expect(patched.id).not.toBe(immutableId);
    expect(patched.internetMessageId).toBe(listed.value[0]!.internetMessageId);
  });

  it('C6: DELETE removes the message from its folder into Recoverable Items, not Deleted Items', async () => {
    const folder = await newFolder(t, 'c6');
    const [message] = await createMessages(t.graph, mb, folder, 1);
    await t.graph.api(`/users/${mb}/messages/${message!.id}`).delete();
    const byId = `internetMessageId eq '${message!.internetMessageId}'`;
    expect(((await t.graph.api(`/users/${mb}/mailFolders/${folder}/messages`).get()) as Page).value).toEqual(
      [],
    );
    expect(
      ((await t.graph.api(`/users/${mb}/mailFolders/deleteditems/messages`).filter(byId).get()) as Page)
        .value,
    ).toEqual([]);
    const recoverable = (await t.graph
      .api(`/users/${mb}/mailFolders/recoverableitemsdeletions/messages`)
      .filter(byId)
      .get()) as Page;
    expect(recoverable.value).toHaveLength(1);
  });

  it('C7: internetMessageHeaders and uniqueBody are absent unless $select-ed; body type follows Prefer', async () => {
    const folder = await newFolder(t, 'c7');
    const [message] = await createMessages(t.graph, mb, folder, 1, {
      body: { contentType: 'HTML', content: '<p>Hello <b>there</b></p>' },
    });
    const plain = (await t.graph.api(`/users/${mb}/messages/${message!.id}`).get()) as Record<
      string,
      unknown
    >;
    expect(plain).not.toHaveProperty('internetMessageHeaders');
    expect(plain).not.toHaveProperty('uniqueBody');
    expect(plain.body).toMatchObject({ contentType: 'html' });
    const selected = (await t.graph
      .api(`/users/${mb}/messages/${message!.id}`)
      .select('subject,internetMessageHeaders,uniqueBody')
      .get()) as Record<string, unknown>;
    expect(selected).toHaveProperty('internetMessageHeaders');
    expect(selected).toHaveProperty('uniqueBody');
    expect(selected).not.toHaveProperty('body');
    const text = await t.fetchGraph(`/users/${mb}/messages/${message!.id}`, {
      prefer: 'outlook.body-content-type="text"',
    });
    expect(text.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
    expect(((await text.json()) as { body: { contentType: string; content: string } }).body).toMatchObject({
      contentType: 'text',
      content: expect.stringContaining('Hello there'),
    });
  });

  it('C24: mailbox and permission errors map to distinct statuses and codes', async () => {
    const domain = mb.split('@')[1]!;
    const unknown = await graphFailure(t.graph.api(`/users/nobody-${Date.now()}@${domain}/messages`).get());
    expect(unknown.statusCode).toBe(404);
    expect(['ErrorInvalidUser', 'ResourceNotFound']).toContain(unknown.code);
    const me = await graphFailure(t.graph.api('/me/messages').get());
    expect(me.statusCode).toBe(400);
    if (t.live) return;
    const noMailbox = await graphFailure(t.graph.api('/users/unlicensed@contoso.test/messages').get());
    expect([noMailbox.statusCode, noMailbox.code]).toEqual([404, 'MailboxNotEnabledForRESTAPI']);
    await t.emulator!.control('PUT', '/access-policy', { mailboxes: ['support@contoso.test'] });
    try {
      const denied = await graphFailure(
        t.graph.api('/users/agent@contoso.test/mailFolders/inbox/messages').get(),
      );
      expect([denied.statusCode, denied.code, denied.message]).toEqual([
        403,
        'ErrorAccessDenied',
        'Access to OData is disabled.',
      ]);
      expect(
        ((await t.graph.api(`/users/${mb}/mailFolders/inbox/messages`).get()) as Page).value,
      ).toBeDefined();
    } finally {
      await t.emulator!.control('DELETE', '/access-policy');
    }
  });

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
