import { defineConfig } from 'vitest/config'

const onPostgres = process.env.TEST_DATABASE === 'postgres'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', TZ: 'UTC' },
    globalSetup: onPostgres ? ['tests/support/postgres-global-setup.ts'] : [],
    // Password hashing and opening a database per file are slow on small CI machines.
    testTimeout: 30_000,
    // Vitest's default on two cores is one worker. On PGlite every file has its own database, so
    // two run at once (the suite finishes about a fifth sooner); on PostgreSQL the files share the
    // run's database, and one file's job worker would take another's jobs.
    maxWorkers: onPostgres ? 1 : 2,
    hookTimeout: 60_000,
  },
})
