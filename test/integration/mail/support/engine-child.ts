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
