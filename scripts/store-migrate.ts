import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyLowdbToPostgres } from '../api/src/store/copy-lowdb-to-postgres.js';
import { PostgresStore } from '../api/src/store/postgres/postgres-store.js';

// `npm run store:migrate -- --from lowdb --to postgres [--force]`: copies DATA_DIR/db.json into DATABASE_URL (or
// the PG* variables). Stop the API first: a desk written to while it is copied would miss those writes.

if (existsSync('.env')) process.loadEnvFile('.env');
const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false } },
});
if (values.from !== 'lowdb' || values.to !== 'postgres') {
  console.error(
    'Usage: npm run store:migrate -- --from lowdb --to postgres [--force]\n(the only move there is: the embedded lowdb file into PostgreSQL)',
  );
  process.exit(2);
}
const file = join(resolve(process.env['DATA_DIR'] ?? '.data'), 'db.json');
const connectionString = process.env['DATABASE_URL'];
try {
  const target = await PostgresStore.open({ ...(connectionString ? { connectionString } : {}), poolSize: 4 });
  try {
    console.log(`Copying ${file} into PostgreSQL ...`);
    const report = await copyLowdbToPostgres({
      file,
      target,
      force: values.force,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `Done: ${report.reduce((sum, r) => sum + r.copied, 0)} records. Start the API with STORE=postgres.`,
    );
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(`store:migrate stopped: ${(error as Error).message}`);
  process.exit(1);
}
