import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

// E2E_PORT lets two checkouts run their suites side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://localhost:${port}`

// Workers load this file too; they inherit the runner's env and reuse its directory.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'autodoctor-e2e-'))
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = dataDir
  // Runs after the web server has been stopped, so nothing is still writing into it.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))
}

// The shared server signs local checkout events with this; specs that post their own sign with it.
process.env.E2E_LOCAL_WEBHOOK_SECRET ??= `whsec_${randomBytes(24).toString('hex')}`

// Specs that start production servers of their own (or, for video, encode two fake cameras) are the
// heaviest on CPU. They run one at a time, beside the light specs, so a machine running two suites
// at once is not asked for four servers and eight browsers together.
const heavySpecs = [
  /sessions\/.*\.spec\.ts/,
  /server\/(clock-after-crash|production-server|refund-after-crash|restart-reconnect)\.spec\.ts/,
  /multi-instance\/.*\.spec\.ts/,
  /(files\/share-files|summary\/summary|monitor\/health-page|dashboards\/request-expiry)\.spec\.ts/,
  /video\/.*\.spec\.ts/,
]

export default defineConfig({
  testDir: 'tests/e2e',
  projects: [
    { name: 'light', testIgnore: heavySpecs },
    { name: 'heavy', testMatch: heavySpecs, workers: 1 },
  ],
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  // Budgets for a busy machine (CI may run two suites side by side on two cores): waits end as
  // soon as their condition holds, so a generous budget costs nothing when the machine is idle.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  outputDir: path.join(tmpdir(), `autodoctor-playwright-results-${port}`),
  use: {
    baseURL,
    browserName: 'chromium',
    timezoneId: 'UTC',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium; a downloaded browser is never used.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
  },
  webServer: {
    // The production build, exactly as `npm run serve` runs it; `next build` runs first.
    command: 'NODE_ENV=production node_modules/.bin/tsx server.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOCAL_WEBHOOK_SECRET: process.env.E2E_LOCAL_WEBHOOK_SECRET,
      // Every spec signs its own people up from this one address.
      SIGN_UPS_PER_IP_PER_HOUR: '100000',
      LOG_LEVEL: 'warn',
      TZ: 'UTC',
    },
  },
})
