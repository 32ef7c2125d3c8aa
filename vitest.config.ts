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
    // Vitest's default on two cores is one worker; the files mostly wait on the database and
    // sockets, so two finish the suite about a fifth sooner.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
})
