import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../api/src/ports/store.js';
import type { RequestListQuery } from '../../../api/src/ports/store-queries.js';
import { aRequest } from './store-fixtures.js';
import { aHistoryEntry, aMailCenterItem, aNote, anAttachment, anEmailNote } from './store-records.js';

/** Store queries about SRs: the request list, one SR's notes, attachments and history, blob references. */
export function defineRequestQueries(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('requests.list', () => {
    beforeEach(async () => {
      await store.transact(async (tx) => {
        const requests = tx.collection('requests');
        await requests.insert(
          aRequest(1, {
            title: 'Printer 100% jammed',
            status: 'Open',
            priority: 'High',
            assignee: { name: 'Sam', email: 'sam@example.com' },
          }),
        );
        await requests.insert(
          aRequest(2, {
            title: "O'Brien's laptop",
            status: 'New',
            priority: 'Low',
            hasNewEmailReply: true,
          }),
        );
        await requests.insert(
          aRequest(3, {
            title: 'VPN_down',
            status: 'open',
            priority: 'Critical',
            participants: ['zed@example.com'],
          }),
        );
        await requests.insert(
          aRequest(4, {
            title: 'Printer toner',
            status: 'Closed',
            priority: 'High',
            assignee: { name: 'Sam', email: 'SAM@example.com' },
          }),
        );
      });
    });
    const list = (query: Partial<RequestListQuery> = {}) =>
      store.read((tx) => tx.collection('requests').list({ sort: 'id', order: 'asc', limit: 10, ...query }));
    const ids = async (query: Parameters<typeof list>[0]) => (await list(query)).items.map((sr) => sr.id);

    it('filters by status (any case), assignee, no assignee and new reply', async () => {
      expect(await ids({ statuses: ['OPEN'] })).toEqual([1, 3]);
      expect(await ids({ assignee: 'sam@example.com' })).toEqual([1, 4]);
      expect(await ids({ assignee: null })).toEqual([2, 3]);
      expect(await ids({ hasNewEmailReply: true })).toEqual([2]);
      expect((await list({ statuses: ['Open', 'New'] })).total).toBe(3);
    });

    it('searches case-insensitively, SQL wildcards and quotes taken literally, number and participants included', async () => {
      expect(await ids({ search: 'PRINTER' })).toEqual([1, 4]);
      expect(await ids({ search: '100%' })).toEqual([1]);
      expect(await ids({ search: '%' })).toEqual([1]);
      expect(await ids({ search: '_' })).toEqual([3]);
      expect(await ids({ search: "o'brien" })).toEqual([2]);
      expect(await ids({ search: 'SR-000003' })).toEqual([3]);
      expect(await ids({ search: 'zed@' })).toEqual([3]);
    });

    it('sorts by priority rank and by text, ties broken by id in the same direction', async () => {
      expect(await ids({ sort: 'priority', order: 'desc' })).toEqual([3, 4, 1, 2]);
      expect(await ids({ sort: 'priority', order: 'asc' })).toEqual([2, 1, 4, 3]);
      expect(await ids({ sort: 'title', order: 'asc' })).toEqual([2, 1, 4, 3]);
    });

    it('pages with a keyset cursor: every match once, in order, whatever the page size', async () => {
      for (const order of ['asc', 'desc'] as const) {
        const seen: number[] = [];
        let page = await list({ sort: 'priority', order, limit: 1 });
        seen.push(...page.items.map((sr) => sr.id));
        while (page.next) {
          page = await list({ sort: 'priority', order, limit: 1, after: page.next });
          expect(page.total).toBe(4);
          seen.push(...page.items.map((sr) => sr.id));
        }
        expect(seen).toEqual(await ids({ sort: 'priority', order }));
      }
    });

    it('counts matches up to countUpTo, then says the total is capped; the page itself is unchanged', async () => {
      expect(await list({ countUpTo: 4 })).toMatchObject({ total: 4 });
      expect((await list({ countUpTo: 4 })).totalIsCapped).toBeFalsy();
      const capped = await list({ countUpTo: 2, limit: 3 });
      expect({
        total: capped.total,
        totalIsCapped: capped.totalIsCapped,
        ids: capped.items.map((sr) => sr.id),
      }).toEqual({ total: 2, totalIsCapped: true, ids: [1, 2, 3] });
      expect(await list({ search: 'printer', countUpTo: 1 })).toMatchObject({
        total: 1,
        totalIsCapped: true,
      });
    });

    it('answers the open SRs of given statuses and the statuses in use', async () => {
      expect(
        (await store.read((tx) => tx.collection('requests').withStatusIn(['open', 'NEW'])))
          .map((sr) => sr.id)
          .sort(),
      ).toEqual([1, 2, 3]);
      expect((await store.read((tx) => tx.collection('requests').statusesInUse())).sort()).toEqual([
        'Closed',
        'New',
        'Open',
        'open',
      ]);
    });
  });

  it("answers one SR's notes, attachments and history, and finds them by note and by Message-ID", async () => {
    await store.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(1));
      await tx.collection('requests').insert(aRequest(2));
      await tx.collection('notes').insert(aNote('n2', 1));
      await tx.collection('notes').insert(
        aNote('n1', 1, {
          source: 'email',
          email: {
            from: { address: 'a@x.test' },
            subject: 's',
            receivedAt: '2025-01-01T00:00:00.000Z',
            internetMessageId: '<m1@x.test>',
            signal: 'marker',
          },
        }),
      );
      await tx.collection('notes').insert(aNote('n3', 2));
      await tx.collection('attachments').insert({
        id: 'a1',
        requestId: 1,
        folder: 'Other',
        fileName: 'f.txt',
        contentType: 'text/plain',
        size: 1,
        sha256: 'x',
        noteId: 'n1',
        uploadedBy: 'u',
        createdAt: '2025-01-01T00:00:00.000Z',
      });
      await tx.collection('history').insert(aHistoryEntry('h1', 1, { noteId: 'n1' }));
      await tx.collection('history').insert(aHistoryEntry('h2', 2));
    });
    const found = await store.read(async (tx) => ({
      notes: (await tx.collection('notes').ofRequest(1)).map((n) => n.id),
      byMessage: (await tx.collection('notes').byMessageId('m1@x.test')).map((n) => n.id),
      attachments: (await tx.collection('attachments').ofNote('n1')).map((a) => a.id),
      ofRequest: (await tx.collection('attachments').ofRequest(2)).length,
      history: (await tx.collection('history').ofNote('n1')).map((h) => h.id),
      historyOf2: (await tx.collection('history').ofRequest(2)).map((h) => h.id),
    }));
    expect(found).toEqual({
      notes: ['n2', 'n1'],
      byMessage: ['n1'],
      attachments: ['a1'],
      ofRequest: 0,
      history: ['h1'],
      historyOf2: ['h2'],
    });
  });

  it('answers which of a batch of blob hashes records reference: attachments, email originals, Mail Center originals', async () => {
    const hash = (n: number) => n.toString(16).padStart(64, '0');
    await store.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(1));
      await tx.collection('attachments').insert(anAttachment('a1', 1, hash(1)));
      await tx.collection('attachments').insert(anAttachment('a2', 1, hash(1)));
      await tx.collection('notes').insert(anEmailNote('n1', 1, { originalRef: hash(2) }));
      await tx.collection('notes').insert(aNote('n2', 1));
      await tx.collection('mailCenter').insert(aMailCenterItem('m1', { originalRef: hash(3) }));
    });
    const asked = [hash(1), hash(2), hash(3), hash(4)];
    const found = await store.read(async (tx) => ({
      attachments: await tx.collection('attachments').blobRefsAmong(asked),
      notes: await tx.collection('notes').blobRefsAmong(asked),
      mailCenter: await tx.collection('mailCenter').blobRefsAmong(asked),
      none: await tx.collection('attachments').blobRefsAmong([]),
    }));
    expect(found).toEqual({ attachments: [hash(1)], notes: [hash(2)], mailCenter: [hash(3)], none: [] });
  });
}
