import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { logger } from '@/lib/logger'
import * as schema from './schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction

export type DatabaseHandle = {
  db: Database
  kind: 'pglite' | 'postgres'
  /** The node-postgres pool when on a real server (the realtime adapter listens on it). */
  pool?: pg.Pool
  close: () => Promise<void>
}

const migrationsFolder = path.join(process.cwd(), 'src/db/migrations')
// Any fixed number: serializes migrations when several instances start at once.
const MIGRATION_LOCK_ID = 727_274_001

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir?: string }

/** Opens the database and applies the committed migrations before anything else uses it. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 })
    // An idle connection the server drops (restart, outage, failover) is reported here; unhandled,
    // it would crash the process. The pool discards it and opens new ones when asked.
    pool.on('error', (error) =>
      logger().warn({ err: error }, 'database: an idle connection was lost; the pool replaces it'),
    )
    const client = await pool.connect()
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID])
      try {
        await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder })
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID])
      }
    } finally {
      client.release()
    }
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' })
    return { db, kind: 'postgres', pool, close: () => pool.end() }
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite()
  const db = drizzlePglite({ client, schema, casing: 'snake_case' })
  await migratePglite(db, { migrationsFolder })
  return { db, kind: 'pglite', close: () => client.close() }
}
