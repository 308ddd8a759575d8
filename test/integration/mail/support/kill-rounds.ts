import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ServiceDeps } from '../../../../api/src/services/deps.js';
import { openLowdbStore } from '../../../../api/src/store/lowdb-store.js';
import type { Store } from '../../../../api/src/ports/store.js';
import { PostgresStore } from '../../../../api/src/store/postgres/postgres-store.js';
import { allRecords } from '../../../support/store-records.js';

// The exactly-once kill test's machinery, for every transport and store: the engine runs in a child process over the
// store its environment names (a lowdb file in DATA_DIR, or PostgreSQL at DATABASE_URL) and is killed with SIGKILL
// at random moments, then restarted, while the mailbox (in this process) outlives it.

/** The store a child of this environment uses, opened in this process (only while no child runs, for lowdb). */
export function openChildStore(env: Record<string, string>): Promise<Store> {
  if (env['STORE'] === 'postgres')
    return PostgresStore.open({ connectionString: env['DATABASE_URL'] ?? '', poolSize: 2 });
  return openLowdbStore({ file: join(env['DATA_DIR'] ?? '', 'db.json') });
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const childSource = fileURLToPath(new URL('./engine-child.ts', import.meta.url));
const workerSource = fileURLToPath(
  new URL('../../../../api/src/mail/understand/understand-worker.ts', import.meta.url),
);
// Bundled once (packages stay external, resolved from the repo's node_modules): a child then starts in about a second
// instead of transpiling the API on every restart.
const childBundle = join(repoRoot, 'node_modules/.cache/mail-kill-test/engine-child.mjs');

export async function bundleEngineChild(): Promise<void> {
  const { build } = await import('esbuild');
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  } as const;
  await build({ ...options, entryPoints: [childSource], outfile: childBundle });
  // The body-reading worker thread loads its own module: beside the bundle, where understand.ts looks for it.
  await build({
    ...options,
    entryPoints: [workerSource],
    outfile: join(dirname(childBundle), 'understand-worker.mjs'),
  });
}

export type Child = {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  exited: Promise<number | null>;
  output: string[];
};

export function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [childBundle], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
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

export async function notesInStore(env: Record<string, string>): Promise<number> {
  const store = await openChildStore(env);
  const notes = await store.read((tx) => tx.collection('notes').count());
  await store.close();
  return notes;
}

/**
 * Counts the notes the child has committed while it runs: PostgreSQL through a pool of this process; lowdb by reading
 * its file, which the child writes whole and renames into place, so a read never sees half a commit.
 */
async function noteCounter(
  env: Record<string, string>,
): Promise<{ count(): Promise<number>; close(): Promise<void> }> {
  if (env['STORE'] === 'postgres') {
    const store = await openChildStore(env);
    return { count: () => store.read((tx) => tx.collection('notes').count()), close: () => store.close() };
  }
  const file = join(env['DATA_DIR'] ?? '', 'db.json');
  const count = async () => {
    const data = JSON.parse(await readFile(file, 'utf8')) as { collections?: { notes?: unknown[] } };
    return data.collections?.notes?.length ?? 0;
  };
  return { count: () => count().catch(() => 0), close: async () => undefined };
}

/**
 * Polls (bounded) until this child has committed `commits` notes and some committed note's email is still unread: a commit has
 * landed and its after-step has not. The child of such a round pauses after each commit (KILL_TEST_PAUSE_AFTER_COMMIT_MS),
 * so the window is there to be found on any machine.
 */
async function committedAheadOfReads(
  notes: () => Promise<number>,
  commits: number,
  total: number,
  unread: () => Promise<number>,
  exited: Promise<unknown>,
): Promise<{ firstCommitAt: number }> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  const before = await notes();
  let firstCommitAt = 0;
  const ahead = async () => {
    const now = await notes();
    if (now > before && !firstCommitAt) firstCommitAt = Date.now();
    return now >= before + commits && now > total - (await unread());
  };
  while (!gone && Date.now() < deadline && !(await ahead()))
    await new Promise((resolve) => setTimeout(resolve, 10));
  return { firstCommitAt: firstCommitAt || Date.now() };
}

/**
 * Kills the engine `kills` times at random moments through the import, then lets a last child finish. Even rounds
 * (aimed): a few commits in, at a moment some imported reply is committed but not yet marked read. Odd rounds: a random
 * moment up to one and a half times what the last aimed round took to its first commit (token, listing, downloads).
 */
export async function killRounds(input: {
  kills: number;
  total: number;
  env: Record<string, string>;
  unread: () => Promise<number>;
}) {
  const unreadAtKills: number[] = [];
  const committedNotReadAtKills: number[] = [];
  let left = input.total;
  // How long a child took from "ready" to its first commit, last time it was measured (machines differ tenfold).
  let untilFirstCommit = 1_000;
  const watched = await noteCounter(input.env);
  // A few emails at a time: notes that are ready together commit in one transaction, so with the default 32 one
  // commit could carry a third of a 100-reply import past a round's share, and the import end after five kills.
  const env = { MAIL_PARALLEL: '4', ...input.env };
  try {
    for (let kill = 0; kill < input.kills; kill++) {
      // Aimed first, so the random rounds' bound is measured before it is used (an import can finish in under a second).
      const aimed = kill % 2 === 0;
      const run = startChild(aimed ? { ...env, KILL_TEST_PAUSE_AFTER_COMMIT_MS: '60' } : env);
      await Promise.race([run.ready, run.exited]);
      const ready = Date.now();
      if (aimed) {
        // A few commits into the round, not always the first, so the import moves on between kills.
        const commits = 1 + Math.floor(Math.random() * Math.max(1, left / input.kills));
        const { firstCommitAt } = await committedAheadOfReads(
          () => watched.count(),
          commits,
          input.total,
          input.unread,
          run.exited,
        );
        untilFirstCommit = firstCommitAt - ready;
      } else {
        // Mostly before the first commit (token, listing, downloads), sometimes a little after it, and never past a
        // round's share of the import: a fast child would otherwise finish it in one round.
        const before = await watched.count();
        const share = Math.max(1, Math.floor(left / input.kills));
        let waited = false;
        const wait = new Promise<void>((resolve) =>
          setTimeout(
            () => {
              waited = true;
              resolve();
            },
            Math.random() * untilFirstCommit * 1.5,
          ),
        );
        const reached = (async () => {
          while (!waited && (await watched.count()) < before + share)
            await new Promise((resolve) => setTimeout(resolve, 10));
        })();
        await Promise.race([wait, reached, run.exited]);
        waited = true;
      }
      run.child.kill('SIGKILL');
      await run.exited;
      left = await input.unread();
      unreadAtKills.push(left);
      // Notes committed whose email is still unread: the kill landed between a commit and its after-step.
      committedNotReadAtKills.push((await notesInStore(input.env)) - (input.total - left));
    }
  } finally {
    await watched.close();
  }
  // The last child reads at the default pace: nothing is killed any more.
  const last = startChild(input.env);
  const code = await last.exited;
  return { unreadAtKills, committedNotReadAtKills, lastCode: code, lastOutput: last.output.join('') };
}

/** Every reply exactly one note, nothing in the Mail Center, the ledger finished; and the kills landed where they matter. */
export async function expectExactlyOnce(input: {
  env: Record<string, string>;
  requestIds: readonly number[];
  attachments: number;
  kills: number;
  unreadAtKills: readonly number[];
  committedNotReadAtKills: readonly number[];
}): Promise<void> {
  const store = await openChildStore(input.env);
  const [notes, mailCenter, ledger, attachments] = await store.read(
    async (tx) =>
      [
        await allRecords(tx, 'notes'),
        await allRecords(tx, 'mailCenter'),
        await allRecords(tx, 'processedMessages'),
        await allRecords(tx, 'attachments'),
      ] as const,
  );
  await store.close();
  const perRequest = new Map<number, number>();
  for (const note of notes) perRequest.set(note.requestId, (perRequest.get(note.requestId) ?? 0) + 1);
  const evidence = `unread before each kill: ${input.unreadAtKills.join(', ')}; committed but unread: ${input.committedNotReadAtKills.join(', ')}`;
  expect(
    input.requestIds.filter((id) => perRequest.get(id) !== 1),
    evidence,
  ).toEqual([]);
  expect(notes).toHaveLength(input.requestIds.length);
  expect(mailCenter).toEqual([]);
  expect(ledger).toHaveLength(input.requestIds.length);
  expect(ledger.every((e) => e.outcome === 'note' && e.afterStep === 'finished')).toBe(true);
  expect(attachments).toHaveLength(input.attachments);
  // The kills landed while there was work left, between them the import moved on, and some landed between a commit and
  // its after-step (the window the ledger is for).
  expect(input.unreadAtKills.filter((n) => n > 0).length, evidence).toBeGreaterThanOrEqual(input.kills / 2);
  expect(new Set(input.unreadAtKills).size, evidence).toBeGreaterThanOrEqual(Math.min(5, input.kills / 2));
  expect(
    input.committedNotReadAtKills.some((n) => n > 0),
    evidence,
  ).toBe(true);
}

type Requester = { name: string; email: string };

/** One SR per reply (requester cN@fabrikam.test unless told), in one transaction: setup, not what is measured. */
export function seedRequests(
  services: ServiceDeps,
  count: number,
  requester: (id: number, i: number) => Requester = (_id, i) => ({
    name: `Customer ${i}`,
    email: `c${i}@fabrikam.test`,
  }),
  title: (i: number) => string = (i) => `SR ${i}`,
): Promise<number[]> {
  const now = new Date().toISOString();
  return services.store.transact(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = await tx.nextSequence('requests');
      await tx.collection('requests').insert({
        id,
        title: title(i),
        description: '',
        requester: requester(id, i),
        participants: [],
        status: 'Open',
        priority: 'Low',
        createdAt: now,
        updatedAt: now,
        hasNewEmailReply: false,
      });
      ids.push(id);
    }
    return ids;
  });
}
