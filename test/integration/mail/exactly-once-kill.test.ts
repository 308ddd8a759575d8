import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compose } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';
import { ensureDemoMailAccount } from '../../../api/src/services/ensure-demo-mail-account.js';
import { openLowdbStore } from '../../../api/src/store/lowdb-store.js';
import { apiEnvironment, DEMO_TENANT_ID, SERVICE_MAILBOX, } from '../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { customerReply } from './support/replies.js';

// Exactly once, the hard way: the engine runs in a child process over a lowdb file and is killed with SIGKILL at
// random moments while it imports 200 replies (20 kills), then restarted; the emulator, in this process, outlives
// every child. At the end every reply is exactly one note, nothing that should be a note is in the Mail Center, and
// nothing is lost. Each round imports a slice of the backlog before its kill (the brief allows smaller batches per
// round as long as kills land throughout the import).

const REPLIES = 200;
const KILLS = 20;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const childSource = fileURLToPath(new URL('./support/engine-child.ts', import.meta.url));
// Bundled once (packages stay external, resolved from the repo's node_modules): a child then starts in about a second
// instead of transpiling the API on every restart.
const childBundle = join(repoRoot, 'node_modules/.cache/mail-kill-test/engine-child.mjs');

let emulator: TestEmulator;
let dataDir: string;
let env: Record<string, string>;
let accountId = '';
const requestIds: number[] = [];

beforeAll(async () => {
  const { build } = await import('esbuild');
  await build({ entryPoints: [childSource], outfile: childBundle, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
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
  const now = new Date().toISOString();
  await runtime.services.store.transact(async (tx) => {
    for (let i = 0; i < REPLIES; i++) {
      const id = await tx.nextSequence('requests');
      await tx.collection('requests').insert({ id, title: `SR ${i}`, description: '', requester: { name: `Customer ${i}`, email: `c${i}@fabrikam.test` }, participants: [], status: 'Open', priority: 'Low', createdAt: now, updatedAt: now, hasNewEmailReply: false });
      requestIds.push(id);
    }
  });
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

function startChild(): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; exited: Promise<number | null>; output: string[] } {
  const child = spawn(process.execPath, [childBundle], { cwd: repoRoot, env: { ...process.env, ...env, KILL_TEST_ACCOUNT_ID: accountId }, stdio: 'pipe' });
  const output: string[] = [];
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.join('').includes('ready')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output };
}

async function unread(): Promise<number> {
  const res = await emulator.control('GET', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`);
  return ((await res.json()) as { value: Array<{ isRead: boolean }> }).value.filter((m) => !m.isRead).length;
}

/** Polls (bounded) until the inbox has fewer unread than `before`: the child has finished at least one after-step. */
async function progressBelow(before: number, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (!gone && Date.now() < deadline && (await unread()) >= before) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function notesInStore(): Promise<number> {
  const store = await openLowdbStore({ file: join(dataDir, 'db.json') });
  const notes = await store.read((tx) => tx.collection('notes').count());
  await store.close();
  return notes;
}

it(`files ${REPLIES} replies exactly once across ${KILLS} SIGKILLs at random moments`, async () => {
  const unreadAtKills: number[] = [];
  const committedNotReadAtKills: number[] = [];
  let left = REPLIES;
  // How long a child took from "ready" to its first after-step, last time it was measured (machines differ tenfold).
  let untilFirstAfterStep = 1_000;
  for (let kill = 0; kill < KILLS; kill++) {
    const run = startChild();
    await Promise.race([run.ready, run.exited]);
    const ready = Date.now();
    // Random moments through the import. Odd rounds: the moment the round's first after-step shows, so some imported
    // replies are committed but not yet marked read. Even rounds: a random moment before that (token, listing,
    // downloads, commits).
    if (kill % 2 === 1) {
      await progressBelow(left, run.exited);
      untilFirstAfterStep = Date.now() - ready;
    } else {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * untilFirstAfterStep));
    }
    run.child.kill('SIGKILL');
    await run.exited;
    left = await unread();
    unreadAtKills.push(left);
    // Notes committed whose email is still unread: the kill landed between a commit and its after-step.
    committedNotReadAtKills.push((await notesInStore()) - (REPLIES - left));
  }
  const last = startChild();
  const code = await last.exited;
  expect(code, last.output.join('')).toBe(0);
  expect(last.output.join('')).toContain('done');

  const store = await openLowdbStore({ file: join(dataDir, 'db.json') });
  const [notes, mailCenter, ledger, attachments] = await store.read(async (tx) => [
    await tx.collection('notes').all(),
    await tx.collection('mailCenter').all(),
    await tx.collection('processedMessages').all(),
    await tx.collection('attachments').all(),
  ] as const);
  await store.close();
  const perRequest = new Map<number, number>();
  for (const note of notes) perRequest.set(note.requestId, (perRequest.get(note.requestId) ?? 0) + 1);
  const notExactlyOnce = requestIds.filter((id) => perRequest.get(id) !== 1);
  expect(notExactlyOnce, `unread before each kill: ${unreadAtKills.join(', ')}`).toEqual([]);
  expect(notes).toHaveLength(REPLIES);
  expect(mailCenter).toEqual([]);
  expect(ledger).toHaveLength(REPLIES);
  expect(ledger.every((e) => e.outcome === 'note' && e.afterStep === 'finished')).toBe(true);
  expect(attachments).toHaveLength(REPLIES / 10);
  expect(await unread()).toBe(0);
  // The kills landed while there was work left, between them the import moved on, and some landed between a commit and
  // its after-step (the window the ledger is for).
  const evidence = `unread: ${unreadAtKills.join(', ')}; committed but unread: ${committedNotReadAtKills.join(', ')}`;
  expect(unreadAtKills.filter((n) => n > 0).length, evidence).toBeGreaterThanOrEqual(KILLS / 2);
  expect(new Set(unreadAtKills).size, evidence).toBeGreaterThan(5);
  expect(committedNotReadAtKills.some((n) => n > 0), evidence).toBe(true);
}, 240_000);
