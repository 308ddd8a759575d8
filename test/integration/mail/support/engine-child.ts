// Child process for the exactly-once kill tests (test/integration/mail/exactly-once-kill*.test.ts): the API's engine
// over the store its environment names (lowdb in DATA_DIR, or PostgreSQL) against the parent's mailbox. It prints "ready" once composed, then runs "Sync now"
// until the inbox has nothing unread, prints "done" and exits. The parent kills it with SIGKILL at random moments.
import { pino } from 'pino';
import { compose } from '../../../../api/src/compose.js';
import { parseConfig } from '../../../../api/src/config.js';

// Exit with the parent, so a failed test never leaves an engine running.
process.stdin.on('end', () => process.exit(0)).resume();

const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'kill-test');
// Fault injection: hold the engine for a moment after each commit that adds notes, before that commit's after-steps
// run, so the parent can land a kill between a commit and its after-step every time rather than by luck of timing
// (with one reply per commit and a fast \Seen, that window is a millisecond or two).
const pauseMs = Number(process.env.KILL_TEST_PAUSE_AFTER_COMMIT_MS ?? 0);
if (pauseMs > 0) {
  runtime.services.store.onCommit((change) => {
    if (!change.collections.notes) return;
    const until = Date.now() + pauseMs;
    while (Date.now() < until); // a busy wait on purpose: nothing of this process may move on meanwhile
  });
}
const accountId = process.env.KILL_TEST_ACCOUNT_ID ?? '';
process.stdout.write('ready\n');
for (let round = 0; round < 1_000; round++) {
  const report = await runtime.mail.syncNow(accountId).catch((error: unknown) => {
    process.stdout.write(`sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  });
  if (report && report.listed === 0) break;
}
process.stdout.write('done\n');
await runtime.close();
process.exit(0);
