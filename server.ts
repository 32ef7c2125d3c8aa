import { existsSync } from 'node:fs'
import { EnvError, env } from '@/lib/env'
import { logger } from '@/lib/logger'
import { startServer } from '@/server/start-server'

const dev = process.argv.includes('--dev')

async function main(): Promise<void> {
  // Values already in the environment win over the file, as with any dotenv loader.
  if (existsSync('.env')) process.loadEnvFile('.env')
  try {
    env()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }

  const running = await startServer({ dev })
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger().info({ signal }, 'shutting down: finishing in-flight requests')
    running.close().then(
      () => {
        logger().info('shutdown complete')
        process.exit(0)
      },
      (error: unknown) => {
        logger().error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code
  if (code === 'EADDRINUSE') {
    console.error(`Port ${env().PORT} is already in use. Stop the other process or set PORT.`)
  } else {
    logger().fatal({ err: error }, 'failed to start')
  }
  process.exit(1)
})
