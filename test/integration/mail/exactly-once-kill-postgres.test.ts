import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { apiEnvironment } from '../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database.js';
import { killAndCheck, setUpKillDesk } from './support/kill-desk.js';
import { bundleEngineChild } from './support/kill-rounds.js';

// The exactly-once kill test on PostgreSQL: the engine in a child process over its own database, killed with SIGKILL
// at random moments through an import (some kills between a note's commit and its after-step), restarted each time.
// Every reply must end as exactly one note: the ledger's unique key commits in the note's transaction, and a killed
// child's open transaction is rolled back by the server. Small by default to keep `npm test` short;
// KILL_TEST_PG_REPLIES and KILL_TEST_PG_KILLS run it bigger.

const REPLIES = Number(process.env.KILL_TEST_PG_REPLIES ?? 100);
const KILLS = Number(process.env.KILL_TEST_PG_KILLS ?? 12);

let emulator: TestEmulator;
let database: TestDatabase;
let dataDir: string;
let env: Record<string, string>;
let desk: { accountId: string; requestIds: number[] };

beforeAll(async () => {
  await bundleEngineChild();
  emulator = await startTestEmulator();
  database = await createTestDatabase('kill');
  // DATA_DIR still holds the blobs and key files; the records are in PostgreSQL.
  dataDir = mkdtempSync(join(tmpdir(), 'mail-kill-pg-'));
  env = {
    NODE_ENV: 'test',
    STORE: 'postgres',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    DATA_DIR: dataDir,
    // One instance restarted under the same name (as an App Service instance is): it takes its own mailbox lease back
    // at once. Under a new name each restart would wait for the killed one's lease to lapse (MAIL_LEASE_TTL_SEC).
    INSTANCE_ID: 'kill-test',
    LOG_LEVEL: 'silent',
    ...apiEnvironment(emulator),
    MAIL_SWEEP_INTERVAL_SEC: '3600',
    MAIL_LOOP_LIMIT_PER_HOUR: '1000',
  };
  desk = await setUpKillDesk(emulator, env, REPLIES);
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it(`files ${REPLIES} replies exactly once across ${KILLS} SIGKILLs at random moments, on PostgreSQL`, async () => {
  await killAndCheck(emulator, env, desk, KILLS);
}, 120_000);
