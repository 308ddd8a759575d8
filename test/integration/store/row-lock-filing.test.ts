import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../api/src/domain/history.js';
import { INBOUND_WRITES } from '../../../api/src/mail/sync-context.js';
import type { ApplyReplyInput } from '../../../api/src/ports/prepare-reply.js';
import type { ServiceDeps } from '../../../api/src/services/deps.js';
import { applyReplyIn } from '../../../api/src/services/inbound/apply-reply.js';
import { ensureDefaults } from '../../../api/src/services/settings/ensure-defaults.js';
import type { PostgresStore } from '../../../api/src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { openEmptyPostgresStore } from '../../support/postgres-store.js';
import { aRequest } from '../../unit/store/store-fixtures.js';

// The mail engine files replies with row locks (READ COMMITTED), not SERIALIZABLE: what keeps one email one note is
// the lock each filing takes on its SR before it looks for an earlier note of the email. Here the same email reaches
// two mailboxes, and both filings run at once on a real PostgreSQL, many times over.

let database: TestDatabase;
let store: PostgresStore;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase('row_lock_filing');
  store = await openEmptyPostgresStore(database.url);
  deps = { store, clock: () => new Date(), newId: randomUUID } as unknown as ServiceDeps;
  await ensureDefaults(deps);
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

const filing = (requestId: number, messageId: string, mailbox: string): ApplyReplyInput => ({
  requestId,
  email: {
    internetMessageId: messageId,
    subject: 'Re: printer',
    from: { name: 'Ada', address: 'ada@example.com' },
    receivedAt: new Date().toISOString(),
  },
  reply: { html: '<p>Still jammed.</p>', text: 'Still jammed.' },
  signal: 'ec-id',
  source: 'email',
  actor: SYSTEM_ACTOR,
  manual: false,
  attachments: [],
  applyStatusPolicy: true,
  ledger: {
    id: `${mailbox}|${messageId}`,
    accountId: mailbox,
    mailbox,
    internetMessageId: messageId,
    afterStep: 'pending',
    processedAt: new Date().toISOString(),
  },
});

describe('filing with row locks', () => {
  it('files an email that reaches two mailboxes at once as one note, its SR updated once per note', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
    await store.transact(async (tx) => {
      for (const id of ids) await tx.collection('requests').insert(aRequest(id));
    });
    const outcomes = await Promise.all(
      ids.flatMap((id) =>
        ['desk-a@contoso.test', 'desk-b@contoso.test'].map((mailbox) =>
          store.transact(
            (tx) => applyReplyIn(deps, tx, filing(id, `<reply-${id}@fabrikam.test>`, mailbox)),
            INBOUND_WRITES,
          ),
        ),
      ),
    );

    expect(outcomes.filter((o) => o.outcome === 'filed')).toHaveLength(ids.length);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(ids.length);
    const { notes, history, ledger } = await store.read(async (tx) => ({
      notes: await Promise.all(ids.map((id) => tx.collection('notes').ofRequest(id))),
      history: await Promise.all(ids.map((id) => tx.collection('history').ofRequest(id))),
      ledger: await tx.collection('processedMessages').count(),
    }));
    expect(notes.map((n) => n.length)).toEqual(ids.map(() => 1));
    expect(history.map((h) => h.filter((e) => e.kind === 'note-from-email').length)).toEqual(
      ids.map(() => 1),
    );
    // Each mailbox's ledger says the email was handled there, pointing at the one note.
    expect(ledger).toBe(ids.length * 2);
  });
});
