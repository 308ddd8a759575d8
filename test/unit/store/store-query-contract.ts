import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommitChange, Store } from '../../../api/src/ports/store.js';
import type { RequestListQuery } from '../../../api/src/ports/store-queries.js';
import { aRequest } from './store-contract.js';
import {
  aHistoryEntry,
  aLedgerEntry,
  aMailCenterItem,
  aNote,
  anAttachment,
  anEmailNote,
  anOutboundEmail,
} from './store-records.js';

/** The named queries and commit notices every Store adapter answers alike; each adapter's test file runs it. */
export function defineStoreQueryContract(adapter: string, openStore: () => Promise<Store>): void {
  describe(`Store queries: ${adapter}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
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
        await tx.collection('notes').insert(anEmailNote('n1', 1, hash(2)));
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

    it('answers the outbound queue, rate windows and Message-ID lookups', async () => {
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(1));
        const emails = tx.collection('outboundEmails');
        await emails.insert(anOutboundEmail(3, { status: 'queued', queuedAt: '2025-01-02T05:00:00.000Z' }));
        await emails.insert(
          anOutboundEmail(1, {
            status: 'sending',
            attemptedAt: '2025-01-02T04:59:30.000Z',
            conversationId: 'conv-1',
          }),
        );
        await emails.insert(
          anOutboundEmail(2, { accountId: 'acc-2', attemptedAt: '2025-01-02T04:59:40.000Z' }),
        );
      });
      const found = await store.read(async (tx) => {
        const emails = tx.collection('outboundEmails');
        return {
          unfinished: (await emails.unfinished()).map((e) => e.id),
          attempted: (await emails.attemptedSince('acc-1', '2025-01-02T04:59:00.000Z')).map((e) => e.id),
          queued: (await emails.queuedSince('2025-01-02T04:00:00.000Z')).map((e) => e.id),
          byId: (await emails.byMessageId('<SM-2@Contoso.test>')).map((e) => e.id),
          conversation: (await emails.byConversationId('conv-1')).map((e) => e.id),
          ofRequest: (await emails.ofRequest(1)).length,
        };
      });
      expect(found).toEqual({
        unfinished: [1, 3],
        attempted: [1],
        queued: [3],
        byId: [2],
        conversation: [1],
        ofRequest: 3,
      });
    });

    it('lists the Mail Center newest first by reason, state and words, with a keyset cursor', async () => {
      await store.transact(async (tx) => {
        const items = tx.collection('mailCenter');
        await items.insert(
          aMailCenterItem('i1', {
            receivedAt: '2025-01-01T00:00:00.000Z',
            subject: 'Invoice 50% off',
            internetMessageId: 'x1@y',
          }),
        );
        await items.insert(
          aMailCenterItem('i2', {
            receivedAt: '2025-01-03T00:00:00.000Z',
            reason: 'bounce',
            state: 'ignored',
          }),
        );
        await items.insert(
          aMailCenterItem('i3', {
            receivedAt: '2025-01-02T00:00:00.000Z',
            reason: 'processing-failed',
            createdAt: '2024-12-01T00:00:00.000Z',
          }),
        );
        await items.insert(
          aMailCenterItem('i4', {
            receivedAt: '2025-01-02T00:00:00.000Z',
            resolution: { by: { id: 'u', name: 'U' }, at: '2025-01-02T00:00:00.000Z', noteId: 'n9' },
          }),
        );
      });
      const ids = (items: { id: string }[]) => items.map((i) => i.id);
      const all: string[] = [];
      let page = await store.read((tx) => tx.collection('mailCenter').list({ limit: 3 }));
      all.push(...ids(page.items));
      if (page.next) {
        const after = page.next;
        page = await store.read((tx) => tx.collection('mailCenter').list({ limit: 3, after }));
        all.push(...ids(page.items));
      }
      expect(all).toEqual(['i2', 'i4', 'i3', 'i1']);
      expect(
        ids(
          (
            await store.read((tx) =>
              tx.collection('mailCenter').list({ limit: 9, state: 'open', words: ['INVOICE', '50%'] }),
            )
          ).items,
        ),
      ).toEqual(['i1']);
      expect(
        ids(
          (await store.read((tx) => tx.collection('mailCenter').list({ limit: 9, reason: 'bounce' }))).items,
        ),
      ).toEqual(['i2']);
      expect(
        await store.read((tx) => tx.collection('mailCenter').list({ limit: 1, countUpTo: 3 })),
      ).toMatchObject({ total: 3, totalIsCapped: true });
      expect(
        await store.read((tx) => tx.collection('mailCenter').list({ limit: 1, state: 'open', countUpTo: 3 })),
      ).toMatchObject({ total: 3 });
      const found = await store.read(async (tx) => {
        const items = tx.collection('mailCenter');
        return {
          failed: ids(
            await items.ofMailbox('desk@contoso.test', { state: 'open', reason: 'processing-failed' }),
          ),
          ignored: ids(await items.ofMailbox('desk@contoso.test', { state: 'ignored' })),
          old: ids(await items.createdBefore('2025-01-01T00:00:00.000Z')),
          resolved: ids(await items.resolvedToNote('n9')),
          byMessage: ids(await items.byMessageId('<x1@y>')),
        };
      });
      expect(found).toEqual({
        failed: ['i3'],
        ignored: ['i2'],
        old: ['i3'],
        resolved: ['i4'],
        byMessage: ['i1'],
      });
    });

    it('answers the ledger by mailbox and Message-ID, pending after-steps and recent entries', async () => {
      await store.transact(async (tx) => {
        const ledger = tx.collection('processedMessages');
        await ledger.insert(
          aLedgerEntry('Desk@Contoso.test', 'm1@x', {
            afterStep: 'pending',
            processedAt: '2025-01-01T00:00:00.000Z',
            noteId: 'n1',
          }),
        );
        await ledger.insert(
          aLedgerEntry('desk@contoso.test', 'm2@x', { processedAt: '2025-01-03T00:00:00.000Z' }),
        );
        await ledger.insert(
          aLedgerEntry('desk@contoso.test', `${'a'.repeat(3000)}@x`, {
            processedAt: '2024-12-01T00:00:00.000Z',
          }),
        );
      });
      const found = await store.read(async (tx) => {
        const ledger = tx.collection('processedMessages');
        return {
          byMessage: (await ledger.byMessage('DESK@contoso.test', 'm1@x'))?.id,
          long: (await ledger.byMessage('desk@contoso.test', `${'a'.repeat(3000)}@x`)) !== undefined,
          missing: await ledger.byMessage('desk@contoso.test', 'nope@x'),
          pending: (await ledger.pendingAfterStep('acc-1', '2025-01-02T00:00:00.000Z')).map((e) => e.id),
          since: (await ledger.processedSince('acc-1', '2025-01-02T00:00:00.000Z')).map((e) => e.id),
          ofNote: (await ledger.ofNote('n1')).length,
        };
      });
      expect(found).toEqual({
        byMessage: 'desk@contoso.test|m1@x',
        long: true,
        missing: undefined,
        pending: ['desk@contoso.test|m1@x'],
        since: ['desk@contoso.test|m2@x'],
        ofNote: 1,
      });
    });

    it('queries inside a transaction see its own writes', async () => {
      const seen = await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(1));
        await tx.collection('notes').insert(aNote('n1', 1));
        await tx.collection('srEvents').insert({
          id: 'e1',
          requestId: 1,
          kind: 'sr-created',
          at: '2025-01-01T00:00:00.000Z',
          actor: { id: 'u', name: 'U' },
          details: {},
        });
        return {
          notes: (await tx.collection('notes').ofRequest(1)).length,
          events: (await tx.collection('srEvents').pending()).map((e) => e.id),
        };
      });
      expect(seen).toEqual({ notes: 1, events: ['e1'] });
    });

    it('tells commit listeners which collections and ids a commit changed, and nothing for a rollback', async () => {
      const changes: CommitChange[] = [];
      const stop = store.onCommit((change) => changes.push(change));
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(1));
        await tx.collection('noteTypes').put({ id: 'X', code: 'X', name: 'X', accessLevel: 'User' });
      });
      await store
        .transact(async (tx) => {
          await tx.collection('requests').insert(aRequest(2));
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await store.transact(async (tx) => tx.collection('requests').get(1));
      stop();
      await store.transact((tx) => tx.collection('requests').delete(1));
      expect(changes).toHaveLength(1);
      expect(changes[0]?.collections).toEqual({ requests: [1], noteTypes: ['X'] });
      expect(changes[0]?.requestIds).toEqual([1]);
    });

    it("names the SRs a commit wrote: a request's own id, any other record's requestId, a deleted record's too", async () => {
      await store.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(1));
        await tx.collection('requests').insert(aRequest(2));
        await tx.collection('notes').insert(aNote('n1', 1));
      });
      const changes: CommitChange[] = [];
      const stop = store.onCommit((change) => changes.push(change));
      await store.transact(async (tx) => {
        await tx.collection('notes').put(aNote('n2', 2));
        await tx.collection('noteTypes').put({ id: 'X', code: 'X', name: 'X', accessLevel: 'User' });
      });
      await store.transact((tx) => tx.collection('notes').delete('n1'));
      await store.transact((tx) => tx.collection('notes').delete('missing'));
      stop();
      expect(changes.map((c) => [c.collections, c.requestIds])).toEqual([
        [{ notes: ['n2'], noteTypes: ['X'] }, [2]],
        [{ notes: ['n1'] }, [1]],
      ]);
    });
  });
}
