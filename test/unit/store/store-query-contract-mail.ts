import { beforeEach, expect, it } from 'vitest';
import type { CommitChange, Store } from '../../../api/src/ports/store.js';
import { aRequest } from './store-fixtures.js';
import { aLedgerEntry, aMailCenterItem, aNote, anOutboundEmail } from './store-records.js';

/** Store queries about mail (outbound queue, Mail Center, ledger), queries inside a transaction, commit notices. */
export function defineMailQueries(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
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
      ids((await store.read((tx) => tx.collection('mailCenter').list({ limit: 9, reason: 'bounce' }))).items),
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
}
