import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { watch } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLowdbStore } from '../../../api/src/store/lowdb-store.js';
import { allRecords } from '../../support/store-records.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writerScript = fileURLToPath(new URL('../../support/store-writer.ts', import.meta.url));
// Kill points alternate; rounds go on past the minimum until a kill has landed mid-write at least once.
const MIN_ROUNDS = 4;
const MAX_ROUNDS = 10;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-lowdb-crash-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

type KillPoint = 'after-a-commit' | 'while-writing';

/**
 * Runs the writer until it has reported `killAfter` as committed, then SIGKILLs it: 'after-a-commit' at once,
 * wherever the next commit happens to be; 'while-writing' as soon as the database or steno's temp file next
 * changes, which lands the kill in the middle of writing the database. Resolves with every counter the writer reported.
 */
function runWriterAndKill(file: string, killAfter: number, killPoint: KillPoint): Promise<number[]> {
  // node --import tsx, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, file], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  const reported: number[] = [];
  const hasReachedTarget = () => (reported.at(-1) ?? 0) >= killAfter;
  // A commit starts by writing steno's temp file; a store that wrote the database in place would change it
  // directly (steno only ever renames onto it), so that is a write to kill in the middle of, too.
  const tempName = `.${basename(file)}.tmp`;
  const watcher = watch(dirname(file), (event, name) => {
    const isWriting = name === tempName || (name === basename(file) && event === 'change');
    if (killPoint === 'while-writing' && isWriting && hasReachedTarget()) child.kill('SIGKILL');
  });
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) reported.push(Number(line));
    if (killPoint === 'after-a-commit' && hasReachedTarget()) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      watcher.close();
      if (signal === 'SIGKILL') resolve(reported);
      else
        reject(
          new Error(
            `The writer stopped by itself (code ${code}) after ${reported.length} commits:\n${stderr}`,
          ),
        );
    });
  });
}

it('a kill -9 during writes never leaves an unreadable database, and keeps every commit it reported', async () => {
  const file = join(dir, 'db.json');
  const reported = new Set<number>();
  let roundsKilledMidWrite = 0;
  let round = 0;
  for (; round < MAX_ROUNDS && (round < MIN_ROUNDS || roundsKilledMidWrite === 0); round++) {
    const killAfter = Math.max(0, ...reported) + 1 + randomInt(20);
    const killPoint: KillPoint = round % 2 === 0 ? 'after-a-commit' : 'while-writing';
    for (const n of await runWriterAndKill(file, killAfter, killPoint)) reported.add(n);
    // steno's temp file is there when the kill landed between writing it and renaming it into place.
    if ((await readdir(dir)).some((name) => name.endsWith('.tmp'))) roundsKilledMidWrite += 1;

    const raw = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number };
    expect(raw.schemaVersion).toBeGreaterThan(0);
    const store = await openLowdbStore({ file });
    const stored = await store.read(async (tx) =>
      (await allRecords(tx, 'history')).filter((entry) => entry.id.startsWith('writer-')),
    );
    await store.close();
    const storedIds = new Set(stored.map((entry) => entry.requestId));
    expect([...reported].filter((n) => !storedIds.has(n))).toEqual([]);
    // Nothing beyond what was reported, save at most one commit per kill that landed before it could be reported.
    expect(stored.length).toBeLessThanOrEqual(reported.size + round + 1);
    // The counter never repeats across the crashes: ids are exactly 1..n.
    expect([...storedIds].sort((a, b) => a - b)).toEqual(
      Array.from({ length: storedIds.size }, (_, i) => i + 1),
    );
  }
  // Without this the test could pass having only ever killed the writer between writes.
  expect(roundsKilledMidWrite, 'no kill landed while the database file was being written').toBeGreaterThan(0);
  console.log(
    `kill -9 test: ${round} kills, ${reported.size} reported commits, ${roundsKilledMidWrite} kill(s) landed between steno's temp write and its rename`,
  );
});
