import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';
import { createMailAccount } from '../../../api/src/services/mail-accounts/create-mail-account.js';
import { apiEnvironment, SERVICE_MAILBOX } from '../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import {
  accountEndpoints,
  startMailServers,
  type MailServers,
} from '../../support/mail-servers/start-mail-servers.js';
import { imapUnavailable, SERVICE_PASSWORD, unreadIn } from './support/imap-stack.js';
import { bundleEngineChild, expectExactlyOnce, killRounds, seedRequests } from './support/kill-rounds.js';
import { customerReply } from './support/replies.js';

// The kill test on IMAP: the engine, reading support@contoso.test from real Dovecot, is killed with SIGKILL at random
// moments while it imports a backlog, and restarted. Every reply is exactly one note, none in the Mail Center, none
// lost, and every email ends \Seen. A smaller bounded variant of the Graph test (40 replies, 6 kills): a child takes
// seconds to start, and the file stays inside its time budget.

const REPLIES = 40;
const KILLS = 6;

if (imapUnavailable) console.warn(`The IMAP kill test did not run: ${imapUnavailable}`);

describe.skipIf(imapUnavailable)('exactly once on IMAP', () => {
  let emulator: TestEmulator;
  let servers: MailServers;
  let watcher: ImapFlow;
  let dataDir: string;
  let env: Record<string, string>;
  const requestIds: number[] = [];

  beforeAll(async () => {
    await bundleEngineChild();
    emulator = await startTestEmulator();
    servers = await startMailServers({ issuer: 'unused', audience: 'unused' });
    servers.addUser(SERVICE_MAILBOX, SERVICE_PASSWORD);
    dataDir = mkdtempSync(join(tmpdir(), 'mail-kill-imap-'));
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
    const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'kill-test');
    requestIds.push(...(await seedRequests(runtime.services, REPLIES)));
    const account = await createMailAccount(runtime.services, {
      emailAddress: SERVICE_MAILBOX,
      isDefault: true,
      serviceMessaging: true,
      ...accountEndpoints(servers),
      authMethod: 'password',
      password: SERVICE_PASSWORD,
    });
    env.KILL_TEST_ACCOUNT_ID = account.id;
    const keyring = runtime.services.ecIdKeyring;
    await runtime.close();
    const { ImapFlow } = await import('imapflow');
    watcher = new ImapFlow({
      host: '127.0.0.1',
      port: servers.ports.imaps,
      secure: true,
      auth: { user: SERVICE_MAILBOX, pass: SERVICE_PASSWORD },
      logger: false,
    });
    await watcher.connect();
    for (const [i, requestId] of requestIds.entries()) {
      const mime = await customerReply({
        requestId,
        keyring,
        from: { name: `Customer ${i}`, address: `c${i}@fabrikam.test` },
        text: `Reply ${i}`,
        ...(i % 10 === 0 ? { attachments: [{ filename: `f${i}.txt`, content: `file ${i}` }] } : {}),
      });
      await watcher.append('INBOX', mime);
    }
  }, 120_000);

  afterAll(async () => {
    await watcher?.logout().catch(() => undefined);
    await servers?.close();
    await emulator?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`files ${REPLIES} replies exactly once across ${KILLS} SIGKILLs at random moments`, async () => {
    const unread = () => unreadIn(watcher);
    const { unreadAtKills, committedNotReadAtKills, lastCode, lastOutput } = await killRounds({
      kills: KILLS,
      total: REPLIES,
      env,
      unread,
    });
    expect(lastCode, lastOutput).toBe(0);
    expect(lastOutput).toContain('done');
    await expectExactlyOnce({
      env,
      requestIds,
      attachments: REPLIES / 10,
      kills: KILLS,
      unreadAtKills,
      committedNotReadAtKills,
    });
    expect(await unread()).toBe(0);
  }, 180_000);
});
