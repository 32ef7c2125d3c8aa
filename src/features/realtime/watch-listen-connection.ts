import type pg from 'pg'
import { logger } from '@/lib/logger'
import { setRealtimeHealth } from './realtime-health'

/**
 * The pool as the Postgres adapter sees it: the same pool, except that the connection it takes
 * for LISTEN is watched. node-postgres raises `error` on a client that loses its server; the
 * adapter adds no handler for it, so the error was thrown before the client's `end`, and `end` is
 * what starts the adapter's reconnect: after a database outage the instance never listened again.
 * Here the error is handled (so `end` follows and the adapter reconnects every ~2 s until the
 * database answers), the dead client goes back to the pool to be discarded instead of holding a
 * slot for ever, and the state is kept for the health check.
 */
export function watchListenConnection(pool: pg.Pool): pg.Pool {
  setRealtimeHealth('degraded')
  const connectListener = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect()
    let lost = false
    const lose = (error?: Error) => {
      if (lost) return
      lost = true
      setRealtimeHealth('degraded')
      logger().warn(
        { err: error },
        'realtime: lost the database connection for events between servers; reconnecting',
      )
      // Released once: the adapter gives it back itself only on shutdown, after dropping this
      // `end` listener; an error after that is the pool's to handle.
      try {
        client.release(error ?? true)
      } catch {
        // Already back in the pool.
      }
    }
    client.on('error', lose)
    client.once('end', () => lose())
    setRealtimeHealth('ok')
    logger().info('realtime: listening for events between servers')
    return client
  }
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'connect') return connectListener
      const value: unknown = Reflect.get(target, property)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
