import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { apiEnvironment } from '../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { killAndCheck, setUpKillDesk } from './support/kill-desk.js';
import { bundleEngineChild } from './support/kill-rounds.js';

// Exactly once, the hard way: the engine runs in a child process over a lowdb file and is killed with SIGKILL at
// random moments while it imports 200 replies (20 kills), then restarted; the emulator, in this process, outlives
// every child. At the end every reply is exactly one note, nothing that should be a note is in the Mail Center, and
// nothing is lost. Each round imports a slice of the backlog before its kill (the brief allows smaller batches per
// round as long as kills land throughout the import). exactly-once-kill-postgres.test.ts does the same on PostgreSQL.

const REPLIES = 200;
const KILLS = 20;

let emulator: TestEmulator;
let dataDir: string;
let env: Record<string, string>;
let desk: { accountId: string; requestIds: number[] };

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
  desk = await setUpKillDesk(emulator, env, REPLIES);
}, 120_000);

afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it(`files ${REPLIES} replies exactly once across ${KILLS} SIGKILLs at random moments`, async () => {
  await killAndCheck(emulator, env, desk, KILLS);
}, 240_000);
