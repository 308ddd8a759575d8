import { afterAll, beforeAll, expect, it } from 'vitest';
import { desk } from './support/desk.js';
import { eventually, startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';
import { allRecords } from '../../support/store-records.js';

// A backlog imported while Graph misbehaves: about one request in three answers 429, 503, 504 (an HTML gateway
// page) or drops the connection. Everything still becomes a note, and nothing twice.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false });
  d = desk(stack);
});
afterAll(() => stack.close());

it('imports a 60-reply backlog under 30% injected 429/503/504/resets: all processed, none twice', async () => {
  const keyring = stack.runtime.services.ecIdKeyring;
  const ids: number[] = [];
  // A customer per SR: sixty replies from one address within an hour would be held as a mail loop.
  const customer = (i: number) => ({ name: `Customer ${i}`, email: `customer${i}@fabrikam.test` });
  for (let i = 0; i < 60; i++) ids.push(await d.createRequest({ status: 'Open', requester: customer(i) }));
  for (const [i, id] of ids.entries()) {
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring,
        text: `Reply number ${i}`,
        from: { name: customer(i).name, address: customer(i).email },
        ...(i % 5 === 0 ? { attachments: [{ filename: `log-${i}.txt`, content: `log ${i}` }] } : {}),
      }),
    );
  }
  await stack.emulator.control('POST', '/faults', {
    rate: 0.3,
    statuses: [429, 503, 504, 'reset'],
    retryAfterSec: 0,
  });
  const before = (await (await stack.emulator.control('GET', '/stats')).json()) as { faultsInjected: number };

  // "Sync now" until the mailbox is empty; a sync that itself gives up (the listing failed seven times) answers 502.
  await eventually(
    'every reply filed',
    async () => {
      await stack.api().post(`/api/admin/mail/accounts/${stack.accountId}/sync`).set(d.as(stack.admin));
      const counts = await Promise.all(ids.map(async (id) => (await d.notes(id)).length));
      return counts.every((n) => n >= 1);
    },
    60_000,
    0,
  );

  const stats = (await (await stack.emulator.control('GET', '/stats')).json()) as { faultsInjected: number };
  // The premise: the faults met the import. How many requests it makes varies with how the listings and batches fall:
  // at one in five, 18-22 faults alone but 8 once in a full run, under the old bound of 10; at 30%, 30-36 alone.
  expect(stats.faultsInjected - before.faultsInjected).toBeGreaterThanOrEqual(5);
  console.log(`[faults] ${stats.faultsInjected - before.faultsInjected} faults injected during the import`);
  await stack.emulator.control('DELETE', '/faults');
  await d.syncNow();

  for (const [i, id] of ids.entries()) {
    const notes = await d.notes(id);
    expect(notes, `SR ${id}`).toHaveLength(1);
    expect(notes[0]?.bodyText).toContain(`Reply number ${i}`);
    if (i % 5 === 0) expect(await d.attachments(id), `SR ${id}`).toHaveLength(1);
  }
  expect((await d.mailCenter({ state: 'all' })).total).toBe(0);
  expect((await d.inbox()).filter((m) => !m.isRead)).toEqual([]);
  const ledger = await stack.runtime.services.store.read((tx) => allRecords(tx, 'processedMessages'));
  expect(ledger).toHaveLength(60);
  expect(ledger.every((entry) => entry.outcome === 'note' && entry.afterStep === 'finished')).toBe(true);
}, 90_000);
