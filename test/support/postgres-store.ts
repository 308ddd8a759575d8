import pg from 'pg';
import { PostgresStore } from '../../api/src/store/postgres/postgres-store.js';
import { TABLES } from '../../api/src/store/postgres/tables.js';

/** Opens the store on `url` with every table emptied and every sequence gone: a test starts from nothing. */
export async function openEmptyPostgresStore(url: string): Promise<PostgresStore> {
  const store = await PostgresStore.open({ connectionString: url, poolSize: 4 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE ${Object.values(TABLES)
        .map((t) => t.table)
        .join(', ')} RESTART IDENTITY`,
    );
    const { rows } = await client.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relname LIKE 'seq\\_%'",
    );
    for (const { name } of rows) await client.query(`ALTER SEQUENCE ${name} RESTART`);
  } finally {
    await client.end();
  }
  return store;
}
