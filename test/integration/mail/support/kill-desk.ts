import { pino } from 'pino';
import { expect } from 'vitest';
import { compose } from '../../../../api/src/compose.js';
import { parseConfig } from '../../../../api/src/config.js';
import { ensureDemoMailAccount } from '../../../../api/src/services/demo/ensure-demo-mail-account.js';
import { DEMO_TENANT_ID, SERVICE_MAILBOX } from '../../../../emulator/src/index.js';
import type { TestEmulator } from '../../../support/emulator.js';
import { expectExactlyOnce, killRounds, seedRequests } from './kill-rounds.js';
import { customerReply } from './replies.js';

/**
 * The desk a Graph kill test starts from, set up in this process and closed before any child opens the store: one SR
 * per reply, the mail account, and a signed customer reply to each SR in the inbox (every tenth with a file).
 */
export async function setUpKillDesk(
  emulator: TestEmulator,
  env: Record<string, string>,
  replies: number,
): Promise<{ accountId: string; requestIds: number[] }> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'kill-test');
  const requestIds = await seedRequests(runtime.services, replies);
  const account = await ensureDemoMailAccount(runtime.services, {
    emailAddress: SERVICE_MAILBOX,
    displayName: 'Support',
    tenantId: DEMO_TENANT_ID,
    ...emulator.mailApp,
  });
  const keyring = runtime.services.ecIdKeyring;
  await runtime.close();
  for (const [i, requestId] of requestIds.entries()) {
    const mime = await customerReply({
      requestId,
      keyring,
      from: { name: `Customer ${i}`, address: `c${i}@fabrikam.test` },
      text: `Reply ${i}`,
      ...(i % 10 === 0 ? { attachments: [{ filename: `f${i}.txt`, content: `file ${i}` }] } : {}),
    });
    const res = await emulator.control(
      'POST',
      `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
      mime,
      'message/rfc822',
    );
    expect(res.status).toBe(201);
  }
  return { accountId: account.id, requestIds };
}

/** Unread messages in the service mailbox's inbox: what is left to import. */
export async function unreadInInbox(emulator: TestEmulator): Promise<number> {
  const res = await emulator.control('GET', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`);
  return ((await res.json()) as { value: Array<{ isRead: boolean }> }).value.filter((m) => !m.isRead).length;
}

/**
 * The Graph kill test itself, on whichever store `env` names: `kills` SIGKILLs through the import of the desk's
 * replies, a last child left to finish, then every reply exactly one note and the inbox read.
 */
export async function killAndCheck(
  emulator: TestEmulator,
  env: Record<string, string>,
  desk: { accountId: string; requestIds: number[] },
  kills: number,
): Promise<void> {
  const unread = () => unreadInInbox(emulator);
  const total = desk.requestIds.length;
  const { unreadAtKills, committedNotReadAtKills, lastCode, lastOutput } = await killRounds({
    kills,
    total,
    env: { ...env, KILL_TEST_ACCOUNT_ID: desk.accountId },
    unread,
  });
  expect(lastCode, lastOutput).toBe(0);
  expect(lastOutput).toContain('done');
  await expectExactlyOnce({
    env,
    requestIds: desk.requestIds,
    attachments: Math.ceil(total / 10),
    kills,
    unreadAtKills,
    committedNotReadAtKills,
  });
  expect(await unread()).toBe(0);
}
