import { describe, expect, it } from 'vitest';
import { GroupCommitter } from '../../../api/src/mail/group-committer.js';
import { LedgerFinisher } from '../../../api/src/mail/ledger-finisher.js';
import type { SyncContext } from '../../../api/src/mail/sync-context.js';
import { createMemoryStore } from '../../../api/src/store/memory-store.js';
import type { Store } from '../../../api/src/ports/store.js';
import { eventually } from '../../support/emulator-graph-target.js';
import { readAll } from '../../support/store-records.js';
import { aLedgerEntry } from '../store/store-records.js';

// The ledger says 'finished' for after-steps while the round's others still run (in groups), and all of them by the
// time the round ends; a failed write is reported by done(), never lost as an unhandled rejection.

async function pendingDesk(count: number): Promise<{ store: Store; keys: string[] }> {
  const store = createMemoryStore();
  const entries = Array.from({ length: count }, (_, i) =>
    aLedgerEntry('support@contoso.test', `<m${i}@x>`, { afterStep: 'pending' }),
  );
  await store.transact(async (tx) => {
    for (const entry of entries) await tx.collection('processedMessages').insert(entry);
  });
  return { store, keys: entries.map((e) => e.id) };
}

const contextOf = (store: Store) =>
  ({
    deps: { store, clock: () => new Date('2026-01-01T00:00:00Z') },
    committer: new GroupCommitter(store),
  }) as unknown as SyncContext;
const finishedCount = async (store: Store) =>
  (await readAll(store, 'processedMessages')).filter((e) => e.afterStep === 'finished').length;

describe('LedgerFinisher', () => {
  it('writes finished entries in groups while the round runs, and the rest at its end', async () => {
    const { store, keys } = await pendingDesk(450);
    const finisher = new LedgerFinisher(contextOf(store), keys.slice(0, 10));
    for (const key of keys.slice(10, 250)) finisher.add(key);
    // 250 added: one group of 200 goes out before the round ends.
    await eventually(
      async () => ((await finishedCount(store)) >= 200 ? true : undefined),
      5_000,
      'the first group',
    );
    for (const key of keys.slice(250)) finisher.add(key);
    await finisher.done();
    expect(await finishedCount(store)).toBe(450);
    expect(finisher.finished).toEqual(keys);
  });

  it('reports a failed write from done()', async () => {
    const { store, keys } = await pendingDesk(3);
    const failing = new Proxy(store, {
      get: (target, property) =>
        property === 'transact'
          ? () => Promise.reject(new Error('database gone'))
          : Reflect.get(target, property),
    });
    const finisher = new LedgerFinisher(contextOf(failing), []);
    for (const key of keys) finisher.add(key);
    await expect(finisher.done()).rejects.toThrow('database gone');
    expect(await finishedCount(store)).toBe(0);
  });
});
