import { PageIterator } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  createMessages,
  emulatorOnly,
  graphFailure,
  itMatchesTheSchemas,
  newFolder,
} from '../support/emulator-conformance.js';
import type { Message, Page } from './support/graph-messages.js';

announceTarget('mail-read');

// docs/graph-behaviour.md §2 and cases C1-C3, C22, C23: folders, the unread listing and its paging (ids, moves,
// deletes and errors: mail-ids.test.ts). Runs against the emulator, or a real tenant with GRAPH_LIVE=1.
describe('Graph mail: folders, listing, paging', () => {
  let t: GraphTarget;
  let mb: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    mb = t.mailbox;
  });
  afterAll(() => t.close());

  it("finds folders by well-known name (any case) and by displayName among the root's direct children only", async () => {
    const inbox = (await t.graph.api(`/users/${mb}/mailFolders/Inbox`).get()) as {
      id: string;
      displayName: string;
    };
    const inboxLower = (await t.graph.api(`/users/${mb}/mailFolders/inbox`).get()) as { id: string };
    expect(inbox.id).toBe(inboxLower.id);
    const parentName = `conformance parent ${Date.now()}`;
    const parent = (await t.graph.api(`/users/${mb}/mailFolders`).post({ displayName: parentName })) as {
      id: string;
      parentFolderId: string;
    };
    const child = (await t.graph
      .api(`/users/${mb}/mailFolders/${parent.id}/childFolders`)
      .post({ displayName: 'Service Desk Child' })) as { id: string };
    const byName = (await t.graph
      .api(`/users/${mb}/mailFolders`)
      .filter(`displayName eq '${parentName}'`)
      .get()) as { value: Array<{ id: string }> };
    expect(byName.value.map((f) => f.id)).toEqual([parent.id]);
    const childAtRoot = (await t.graph
      .api(`/users/${mb}/mailFolders`)
      .filter("displayName eq 'Service Desk Child'")
      .get()) as { value: unknown[] };
    expect(childAtRoot.value).toEqual([]);
    const childByName = (await t.graph
      .api(`/users/${mb}/mailFolders/${parent.id}/childFolders`)
      .filter("displayName eq 'Service Desk Child'")
      .get()) as { value: Array<{ id: string }> };
    expect(childByName.value.map((f) => f.id)).toEqual([child.id]);
    await createMessages(t.graph, mb, child.id, 1);
    const nested = (await t.graph
      .api(`/users/${mb}/mailFolders/${parent.id}/childFolders/${child.id}/messages`)
      .get()) as Page;
    expect(nested.value).toHaveLength(1);
    const counted = (await t.graph.api(`/users/${mb}/mailFolders/${parent.id}`).get()) as {
      childFolderCount: number;
    };
    expect(counted.childFolderCount).toBe(1);
  });

  it('C1: $skip paging re-evaluates the live set, so marking page 1 read skips 10 unread messages', async () => {
    const folder = await newFolder(t, 'c1');
    await createMessages(t.graph, mb, folder, 25, { isRead: false });
    const list = `/users/${mb}/mailFolders/${folder}/messages`;
    const page1 = (await t.graph
      .api(list)
      .filter('isRead eq false')
      .top(10)
      .select('id,isRead')
      .get()) as Page;
    expect(page1.value).toHaveLength(10);
    expect(page1['@odata.nextLink']).toMatch(/^https:\/\/.*(\$|%24)skip=10/);
    for (const m of page1.value) await t.graph.api(`/users/${mb}/messages/${m.id}`).patch({ isRead: true });
    const page2 = (await t.graph.api(page1['@odata.nextLink']!).get()) as Page;
    expect(page2.value).toHaveLength(5);
    expect(page2['@odata.nextLink']).toBeUndefined();
    // The safe pattern: re-query from the start until nothing unread is left.
    const seen = new Set(page1.value.map((m) => m.id));
    for (let round = 0; round < 5; round += 1) {
      const page = (await t.graph.api(list).filter('isRead eq false').top(10).select('id').get()) as Page;
      if (page.value.length === 0) break;
      for (const m of page.value) {
        seen.add(m.id);
        await t.graph.api(`/users/${mb}/messages/${m.id}`).patch({ isRead: true });
      }
    }
    expect(seen.size).toBe(25);
  });

  it.skipIf(emulatorOnly())(
    'C2: with irregular pages (fewer than $top, non-linear $skip) following nextLink still yields every message once',
    async () => {
      const folder = await newFolder(t, 'c2');
      await createMessages(t.graph, mb, folder, 25, { isRead: false });
      await t.emulator!.control('POST', '/faults', { irregularPaging: true });
      try {
        const first = (await t.graph
          .api(`/users/${mb}/mailFolders/${folder}/messages`)
          .top(10)
          .select('id')
          .get()) as Page;
        expect(first.value.length).toBeLessThan(10);
        expect(first['@odata.nextLink']).toBeDefined();
        const ids: string[] = [];
        await new PageIterator(t.graph, first, (m: Message) => {
          ids.push(m.id);
          return true;
        }).iterate();
        expect(ids).toHaveLength(25);
        expect(new Set(ids).size).toBe(25);
      } finally {
        await t.emulator!.control('DELETE', '/faults');
      }
    },
  );

  it('C3: $orderby must lead $filter (InefficientFilter), default page is 10, $top goes to 1000', async () => {
    const folder = await newFolder(t, 'c3');
    await createMessages(t.graph, mb, folder, 12, { isRead: false });
    const list = `/users/${mb}/mailFolders/${folder}/messages`;
    const inefficient = await graphFailure(
      t.graph.api(list).filter('isRead eq false').orderby('receivedDateTime').get(),
    );
    expect([inefficient.statusCode, inefficient.code]).toEqual([400, 'InefficientFilter']);
    const sorted = (await t.graph
      .api(list)
      .filter('receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false')
      .orderby('receivedDateTime asc')
      .top(50)
      .get()) as Page;
    expect(sorted.value).toHaveLength(12);
    const times = sorted.value.map((m) => m.receivedDateTime);
    expect([...times].sort()).toEqual(times);
    const defaultPage = (await t.graph.api(list).get()) as Page;
    expect(defaultPage.value).toHaveLength(10);
    expect(defaultPage['@odata.nextLink']).toBeDefined();
    expect(((await t.graph.api(list).top(1000).get()) as Page).value).toHaveLength(12);
    const over = await t.fetchGraph(`${list}?$top=1001`);
    expect(over.status).toBe(400);
  });

  it.skipIf(emulatorOnly())(
    'C22: several messages in one second defeat a `gt` watermark; `ge` plus an id set keeps them',
    async () => {
      const folder = (await t.graph
        .api(`/users/${mb}/mailFolders`)
        .post({ displayName: `c22 ${Date.now()}` })) as { id: string };
      for (const ms of ['100', '400', '900']) {
        const res = await t.emulator!.control(
          'POST',
          `/mailboxes/${mb}/messages?folder=${encodeURIComponent(folder.id)}`,
          {
            subject: `same second ${ms}`,
            from: { emailAddress: { address: 'alex@fabrikam.test' } },
            receivedDateTime: `2026-01-01T10:00:00.${ms}Z`,
          },
        );
        expect(res.status).toBe(201);
      }
      const list = `/users/${mb}/mailFolders/${folder.id}/messages`;
      const all = (await t.graph.api(list).get()) as Page;
      expect(new Set(all.value.map((m) => m.receivedDateTime))).toEqual(new Set(['2026-01-01T10:00:00Z']));
      expect(
        ((await t.graph.api(list).filter('receivedDateTime gt 2026-01-01T10:00:00Z').get()) as Page).value,
      ).toHaveLength(0);
      expect(
        ((await t.graph.api(list).filter('receivedDateTime ge 2026-01-01T10:00:00Z').get()) as Page).value,
      ).toHaveLength(3);
    },
  );

  it.skipIf(emulatorOnly())(
    'C23: NDRs, auto-replies and meeting messages sit in the inbox and say what they are',
    async () => {
      const control = t.emulator!.control;
      await t.graph.api(`/users/${mb}/sendMail`).post({
        message: {
          subject: 'Typo address',
          body: { contentType: 'Text', content: 'hi' },
          toRecipients: [{ emailAddress: { address: 'nobody@contoso.test' } }],
        },
      });
      const autoReply = [
        'From: Alex Johnson <alex@fabrikam.test>',
        `To: ${mb}`,
        'Subject: Automatic reply: Your request',
        'Auto-Submitted: auto-replied',
        'X-Auto-Response-Suppress: All',
        'Content-Type: text/plain',
        '',
        'I am out of office until Monday.',
        '',
      ].join('\r\n');
      expect(
        (await control('POST', `/mailboxes/${mb}/messages?folder=inbox`, autoReply, 'message/rfc822')).status,
      ).toBe(201);
      const meeting = await control('POST', `/mailboxes/${mb}/messages?folder=inbox`, {
        '@odata.type': '#microsoft.graph.eventMessage',
        subject: 'Accepted: Review',
        from: { emailAddress: { address: 'alex@fabrikam.test' } },
      });
      expect(meeting.status).toBe(201);
      const inbox = `/users/${mb}/mailFolders/inbox/messages`;
      const ndr = await eventually(
        async () =>
          (
            (await t.graph
              .api(inbox)
              .filter("startswith(subject,'Undeliverable')")
              .select('subject,from,internetMessageHeaders,hasAttachments')
              .get()) as Page
          ).value[0],
        5_000,
        'the NDR',
      );
      expect(ndr).toMatchObject({
        from: { emailAddress: { address: expect.stringMatching(/^MicrosoftExchange/) } },
        hasAttachments: true,
      });
      const headers = (m: Message): Array<{ name: string; value: string }> =>
        m.internetMessageHeaders as Array<{ name: string; value: string }>;
      expect(headers(ndr).some((h) => h.name.toLowerCase() === 'auto-submitted')).toBe(true);
      const all = (await t.graph.api(inbox).select('subject,internetMessageHeaders').top(50).get()) as Page;
      const ooo = all.value.find((m) => String(m.subject).startsWith('Automatic reply'))!;
      expect(headers(ooo)).toContainEqual({ name: 'Auto-Submitted', value: 'auto-replied' });
      expect(all.value.find((m) => m.subject === 'Accepted: Review')).toMatchObject({
        '@odata.type': '#microsoft.graph.eventMessage',
      });
    },
  );

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
