import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compose } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';
import { ensureDemoMailAccount } from '../../../api/src/services/ensure-demo-mail-account.js';
import { apiEnvironment, DEMO_TENANT_ID, SERVICE_MAILBOX, } from '../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { bundleEngineChild, expectExactlyOnce, killRounds, seedRequests } from './support/kill-rounds.js';
import { customerReply } from './support/replies.js';

// Exactly once, the hard way: the engine runs in a child process over a lowdb file and is killed with SIGKILL at
// random moments while it imports 200 replies (20 kills), then restarted; the emulator, in this process, outlives
// every child. At the end every reply is exactly one note, nothing that should be a note is in the Mail Center, and
// nothing is lost. Each round imports a slice of the backlog before its kill (the brief allows smaller batches per
// round as long as kills land throughout the import).

const REPLIES = 200;
const KILLS = 20;

let emulator: TestEmulator;
let dataDir: string;
let env: Record<string, string>;
let accountId = '';
const requestIds: number[] = [];

beforeAll(async () => {
  await bundleEngineChild();
  emulator = await startTestEmulator();
  dataDir = mkdtempSync(join(tmpdir(), 'mail-kill-'));
  env = {
    NODE_ENV: 'test',
    STORE: 'lowdb',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...apiEnvironment(emulator),
    MAIL_SWEEP_INTERVAL_SEC: '3600',
    MAIL_LOOP_LIMIT_PER_HOUR: '1000',
  };
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  // Set up the desk in-process, then close it before any child opens the file.
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'kill-test');
  // The SRs in one transaction: setup, not what is measured.
  requestIds.push(...(await seedRequests(runtime.services, REPLIES)));
  const account = await ensureDemoMailAccount(runtime.services, { emailAddress: SERVICE_MAILBOX, displayName: 'Support', tenantId: DEMO_TENANT_ID, ...emulator.mailApp });
  const keyring = runtime.services.ecIdKeyring;
  await runtime.close();
  accountId = account.id;
  for (const [i, srId] of requestIds.entries()) {
    const mime = await customerReply({ srId, keyring, from: { name: `Customer ${i}`, address: `c${i}@fabrikam.test` }, text: `Reply ${i}`, ...(i % 10 === 0 ? { attachments: [{ filename: `f${i}.txt`, content: `file ${i}` }] } : {}) });
    const res = await emulator.control('POST', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`, mime, 'message/rfc822');
    expect(res.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function unread(): Promise<number> {
  const res = await emulator.control('GET', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`);
  return ((await res.json()) as { value: Array<{ isRead: boolean }> }).value.filter((m) => !m.isRead).length;
}

it(`files ${REPLIES} replies exactly once across ${KILLS} SIGKILLs at random moments`, async () => {
  const { unreadAtKills, committedNotReadAtKills, lastCode, lastOutput } = await killRounds({ kills: KILLS, total: REPLIES, env: { ...env, KILL_TEST_ACCOUNT_ID: accountId }, dataDir, unread });
  expect(lastCode, lastOutput).toBe(0);
  expect(lastOutput).toContain('done');

  await expectExactlyOnce({ dataDir, requestIds, attachments: REPLIES / 10, kills: KILLS, unreadAtKills, committedNotReadAtKills });
  expect(await unread()).toBe(0);
}, 240_000);
