import { createTestDatabase } from './postgres-database.js';

/**
 * The store a test stack runs on. Each stack has its default (lowdb as `npm start` runs, or memory); with
 * TEST_STORE=postgres (`npm run test:postgres`) every stack gets a PostgreSQL database of its own instead, so the
 * integration suites prove the API and the engine on all three adapters, not only the store contract.
 */
export async function testStore(
  defaultStore: 'lowdb' | 'memory',
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env.TEST_STORE !== 'postgres')
    return { env: { STORE: defaultStore }, drop: async () => undefined };
  const database = await createTestDatabase('stack');
  return {
    env: { STORE: 'postgres', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '4' },
    drop: () => database.drop(),
  };
}
