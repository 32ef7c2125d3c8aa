import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type ProductionServer = {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process has printed so far, for failure messages. */
  output: () => string
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>
  /** Sends SIGTERM and waits for the exit code. */
  stop: () => Promise<number | null>
}

/** A fresh data directory in the OS temp dir; remove it with `removeDataDir`. */
export function makeDataDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `autodoctor-${label}-`))
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true })
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('Could not find a free port')
  return address.port
}

/**
 * Starts the production build the way `npm run serve` does (server.ts through tsx), on its own
 * port and data directory, and waits until its health check answers. Node loads tsx itself, so
 * the child is the server: killing it after a failed start leaves nothing running behind.
 */
export async function startProductionServer({
  port,
  dataDir,
  env = {},
  healthTimeoutMs,
}: {
  port: number
  dataDir: string
  env?: Record<string, string>
  /** How long a start may take (default three minutes). */
  healthTimeoutMs?: number
}): Promise<ProductionServer> {
  const url = `http://localhost:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      TZ: 'UTC',
      // Specs sign their own people up, all from this one address.
      SIGN_UPS_PER_IP_PER_HOUR: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const server: ProductionServer = {
    url,
    port,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    },
  }
  try {
    await waitForHealth(server, healthTimeoutMs)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return server
}

// As long as Playwright gives its own web server: a fresh start migrates a new database, and on a
// busy machine that alone can take a minute.
async function waitForHealth(server: ProductionServer, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | null | undefined
  void server.exited.then((code) => {
    exitCode = code
  })
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`The server exited with ${exitCode} while starting:\n${server.output()}`)
    }
    try {
      const response = await fetch(`${server.url}/api/health`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await delay(200)
  }
  throw new Error(`The server did not become healthy in ${timeoutMs} ms:\n${server.output()}`)
}

/** Resolves once new connections to the port are refused: the server has stopped listening. */
export async function waitUntilRefused(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = new Socket()
      socket.once('connect', () => {
        socket.destroy()
        resolve(false)
      })
      socket.once('error', () => resolve(true))
      socket.connect(port, '127.0.0.1')
    })
    if (refused) return
    await delay(50)
  }
  throw new Error(`Port ${port} still accepts connections after ${timeoutMs} ms`)
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
