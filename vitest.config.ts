import { defineConfig } from 'vitest/config';

// One run: pure unit tests next to the code (src/**) and integration tests (test/integration/**) that talk to a
// real PostgreSQL. The global setup starts one embedded server (or uses DATABASE_URL) and migrates a template
// database; each integration test file clones its own database from that template.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/support/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
