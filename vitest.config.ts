import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests that need the emulator's CA or a built front end set it up once here.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
