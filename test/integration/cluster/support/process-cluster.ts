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
  const parts: Partial<ProcessCluster> & { instances: Instance[] } = { database, instances: [] };
  const close = async () => {
    await Promise.all(parts.instances.map((i) => (signal(i, 'SIGCONT'), kill(i))));
    await parts.desk?.close();
    await parts.emulator?.close();
    await database.drop();
  };
  try {
    parts.emulator = await startTestEmulator();
    parts.desk = await setUpFaultDesk({
      databaseUrl: database.url,
      emulator: parts.emulator,
      requests: options.requests,
      ...(options.env ? { env: options.env } : {}),
    });
    const desk = parts.desk;
    parts.instances.push(
      ...(await Promise.all(options.instanceIds.map((id) => startInstance(id, desk.env)))),
    );
    await Promise.all(parts.instances.map((i) => i.listening));
    return { ...(parts as Omit<ProcessCluster, 'close'>), close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
