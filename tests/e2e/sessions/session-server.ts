import { test as base } from '@playwright/test'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'

/**
 * The session specs run against their own production server, started once per worker: sessions
 * there last `sessionSeconds` (so a clock can run out within a test) and a dropped participant
 * counts as gone after 2 s. The shared web server keeps real plan lengths for the other specs.
 */
export const test = base.extend<
  Record<never, never>,
  { sessionSeconds: number; sessionServer: ProductionServer }
>({
  sessionSeconds: [20, { scope: 'worker', option: true }],
  sessionServer: [
    async ({ sessionSeconds }, use) => {
      const dataDir = makeDataDir('sessions-e2e')
      const server = await startProductionServer({
        port: await freePort(),
        dataDir,
        env: {
          SESSION_SECONDS_OVERRIDE: String(sessionSeconds),
          PRESENCE_GRACE_SECONDS: '2',
          LOG_LEVEL: 'warn',
        },
      })
      try {
        await use(server)
      } finally {
        await server.stop()
        removeDataDir(dataDir)
      }
    },
    // A start may take up to three minutes on a busy machine (see startProductionServer).
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ sessionServer }, use) => {
    await use(sessionServer.url)
  },
})

export { expect } from '@playwright/test'
