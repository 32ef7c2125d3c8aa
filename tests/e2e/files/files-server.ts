import { test as base } from '@playwright/test'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'

/**
 * Download URLs expire after this many seconds on the files specs' own server: short enough to
 * watch one expire, long enough for a machine running two suites to follow a redirect.
 */
export const URL_TTL_SECONDS = 10

/**
 * The files specs run against their own production server, where signed download URLs expire
 * within seconds (so a test can watch one expire) and a dropped participant counts as gone after
 * 2 s. The shared web server keeps the one-hour default.
 */
export const test = base.extend<Record<never, never>, { filesServer: ProductionServer }>({
  filesServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern
    async ({}, use) => {
      const dataDir = makeDataDir('files-e2e')
      const server = await startProductionServer({
        port: await freePort(),
        dataDir,
        env: {
          FILE_URL_TTL_SECONDS: String(URL_TTL_SECONDS),
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
  baseURL: async ({ filesServer }, use) => {
    await use(filesServer.url)
  },
})

export { expect } from '@playwright/test'
