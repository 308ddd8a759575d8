// Child process for the kill -9 test (test/integration/store/lowdb-store-crash.test.ts): commits to the
// lowdb database given as its argument in a loop and prints each committed counter on its own line, only
// after the commit has resolved, so every number the parent reads is a promise that it was saved.
import { openLowdbStore } from '../../api/src/store/lowdb-store.js';

const file = process.argv[2];
if (!file) throw new Error('usage: store-writer.ts <database file>');
// A bound, and an exit when the parent goes away, so a failed test never leaves a writer running.
const MAX_COMMITS = 5_000;
process.stdin.on('end', () => process.exit(0)).resume();

// Padding makes each write take long enough that kills often land in the middle of one.
const padding = 'x'.repeat(2_048);
const store = await openLowdbStore({ file });
for (let i = 0; i < MAX_COMMITS; i++) {
  const committed = await store.transact(async (tx) => {
    const n = await tx.nextSequence('writer');
    await tx.collection('history').insert({
      id: `writer-${n}`,
      requestId: n,
      kind: 'updated',
      summary: padding,
      actor: { id: 'store-writer', name: 'store-writer' },
      at: new Date().toISOString(),
    });
    return n;
  });
  process.stdout.write(`${committed}\n`);
}
