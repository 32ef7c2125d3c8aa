import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import next from 'next'
import { stampClientIp } from '@/features/auth/client-ip'
import { seedDemoUsers } from '@/features/auth/seed-demo-users'
import { observeRequestDuration } from '@/features/metrics/observe-request-duration'
import { sweepSessions } from '@/features/sessions/sweep-sessions'
import { logger } from '@/lib/logger'
import { REQUEST_ID_HEADER } from './api-route'
import { closeContext, initContext } from './context'
import { createAppSocketServer } from './create-app-socket-server'
import { startInstanceLifecycle } from './instance-lifecycle'
import { startLoops } from './loops'
import { refuseMalformedPath } from './refuse-malformed-path'
import { setSecurityHeaders } from './security-headers'

export type RunningServer = {
  server: Server
  url: string
  /** Stops accepting, lets in-flight requests finish, then closes sockets and the database. */
  close: () => Promise<void>
}

const SHUTDOWN_GRACE_MS = 15_000

export async function startServer({ dev }: { dev: boolean }): Promise<RunningServer> {
  const context = await initContext()
  const { env } = context
  if (env.seedDemoUsers) await seedDemoUsers()

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT })
  await app.prepare()
  const handle = app.getRequestHandler()

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Replace anything the client sent: these headers are trusted by the code behind them.
    stampClientIp(req, env.trustProxy)
    req.headers[REQUEST_ID_HEADER] = crypto.randomUUID()
    res.setHeader('X-Request-Id', req.headers[REQUEST_ID_HEADER])
    setSecurityHeaders(req, res, {
      dev,
      https: env.appUrl.startsWith('https:'),
      fileOrigin: context.storage.downloadOrigin,
    })
    if (refuseMalformedPath(req, res)) return
    observeRequestDuration(req, res)
    handle(req, res).catch((error: unknown) => {
      logger().error({ err: error }, 'request failed')
      if (!res.headersSent) res.writeHead(500).end()
    })
  })

  // Node closes an idle keep-alive connection after 5 s by default. A client that sends its next
  // request on it at that moment gets ECONNRESET. Clients and proxies (60 s idle is common) close
  // first when the server waits longer than they do.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  const instance = await startInstanceLifecycle({
    graceMs: env.PRESENCE_GRACE_SECONDS * 1000,
    everyOtherIsGone: context.database.kind === 'pglite',
  })
  const sockets = createAppSocketServer(server, { env, pool: context.database.pool })
  // Before anyone can join: live sessions whose participants were on a process that died (the
  // last run of this one, say) pause from its last heartbeat, so the downtime is not charged.
  await instance.recoverAtStart()
  // Then sessions whose time had run out before that end before anyone can join them.
  await sweepSessions()
  const loops = startLoops({
    sweepIntervalMs: env.SWEEP_INTERVAL_MS,
    jobIntervalMs: env.JOB_INTERVAL_MS,
    instance,
    monitorIntervalMs: env.MONITOR_INTERVAL_MS,
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(env.PORT, env.HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const url = env.appUrl
  logger().info(
    { url, database: context.database.kind, mode: dev ? 'development' : 'production' },
    'AutoDoctor is listening',
  )

  const close = async () => {
    await loops.stop()
    await sockets.close()
    // Its connections are closed: the others need not wait for the heartbeat to go stale.
    await instance.markStopped()
    await closeGracefully(server)
    await app.close()
    await closeContext()
  }
  return { server, url, close }
}

async function closeGracefully(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  // Keep-alive connections that finish their request are closed as they become idle.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100)
  const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
  server.closeIdleConnections()
  await closed
  clearInterval(idleSweep)
  clearTimeout(forced)
}
