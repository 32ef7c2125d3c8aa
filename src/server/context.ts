import path from 'node:path'
import { type DatabaseHandle, openDatabase } from '@/db/client'
import { type Auth, createAuth } from '@/features/auth/auth'
import { createFileStorage } from '@/features/files/storage/create-file-storage'
import type { FileStorage } from '@/features/files/storage/file-storage'
import { env, type ServerEnv } from '@/lib/env'

/**
 * The process-wide services. The custom server and Next's compiled route code load separate
 * copies of our modules, so the one instance lives on globalThis and both read it from there.
 */
export type AppContext = {
  env: ServerEnv
  database: DatabaseHandle
  auth: Auth
  /** Shared files: local disk or an S3-compatible bucket, chosen by env. */
  storage: FileStorage
}

const globalForContext = globalThis as unknown as {
  __autodoctorContext?: Promise<AppContext>
  __autodoctorContextReady?: AppContext
}

export type ContextOptions = {
  /** Overrides the env's database choice (tests use an in-memory PGlite or a fresh database). */
  database?: DatabaseHandle
  /** Overrides the env's storage (the contract tests run against disk and S3 in one file). */
  storage?: FileStorage
}

export function initContext(options: ContextOptions = {}): Promise<AppContext> {
  globalForContext.__autodoctorContext ??= (async () => {
    const serverEnv = env()
    const database =
      options.database ??
      (await openDatabase(
        serverEnv.DATABASE_URL
          ? { kind: 'postgres', url: serverEnv.DATABASE_URL }
          : { kind: 'pglite', dataDir: path.join(serverEnv.DATA_DIR, 'pglite') },
      ))
    const context: AppContext = {
      env: serverEnv,
      database,
      auth: createAuth(database.db, serverEnv),
      storage: options.storage ?? createFileStorage(serverEnv),
    }
    globalForContext.__autodoctorContextReady = context
    return context
  })()
  return globalForContext.__autodoctorContext
}

/** The initialized context; the server creates it before it accepts a request. */
export function getContext(): AppContext {
  const context = globalForContext.__autodoctorContextReady
  if (!context) throw new Error('App context used before initContext() finished')
  return context
}

export async function closeContext(): Promise<void> {
  const context = globalForContext.__autodoctorContextReady
  globalForContext.__autodoctorContext = undefined
  globalForContext.__autodoctorContextReady = undefined
  await context?.database.close()
}
