import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by the global setup (test/support/global-setup.ts) for every test worker: the server the PG suites use. */
export const TEST_POSTGRES_ENV = 'SM_TEST_POSTGRES_URL';

export type TestDatabase = { url: string; drop(): Promise<void> };

const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** A database of its own for one test file (or one test), dropped by `drop`. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = process.env[TEST_POSTGRES_ENV];
  if (!server)
    throw new Error(
      `${TEST_POSTGRES_ENV} is not set: the global test setup finds or starts a PostgreSQL server and sets it.`,
    );
  const name = `sm_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(server, name),
    drop: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
