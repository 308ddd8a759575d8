import { startTestEmulator, type TestEmulator } from '../../../support/emulator.js';
import { createTestDatabase, type TestDatabase } from '../../../support/postgres-database.js';
import { setUpFaultDesk, type FaultDesk } from './fault-desk.js';
import { kill, signal, startInstance, type Instance } from './instances.js';

// Real `npm run serve` instances on a database of their own on the shared test server, with one emulator and the
// fault desk (SRs, one account per mailbox): what the cluster suites start before their tests.

export type ProcessCluster = {
  database: TestDatabase;
  emulator: TestEmulator;
  desk: FaultDesk;
  instances: Instance[];
  /** Kills every instance (a frozen one thawed first), then removes the desk, the emulator and the database. */
  close(): Promise<void>;
};

export async function startProcessCluster(options: {
  label: string;
  instanceIds: string[];
  requests: number;
  env?: Record<string, string>;
}): Promise<ProcessCluster> {
  const database = await createTestDatabase(options.label);
  const instances: Instance[] = [];
  let emulator: TestEmulator | undefined;
  let desk: FaultDesk | undefined;
  const close = async () => {
    await Promise.all(instances.map((i) => (signal(i, 'SIGCONT'), kill(i))));
    await desk?.close();
    await emulator?.close();
    await database.drop();
  };
  try {
    emulator = await startTestEmulator();
    desk = await setUpFaultDesk({
      databaseUrl: database.url,
      emulator,
      requests: options.requests,
      env: options.env,
    });
    const env = desk.env;
    instances.push(...(await Promise.all(options.instanceIds.map((id) => startInstance(id, env)))));
    await Promise.all(instances.map((i) => i.listening));
    return { database, emulator, desk, instances, close };
  } catch (error) {
    // What did start is not left running behind a failed beforeAll.
    await close().catch(() => undefined);
    throw error;
  }
}
