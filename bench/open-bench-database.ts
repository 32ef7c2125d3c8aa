import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from '@/db/client'

export type BenchDatabase = {
  handle: DatabaseHandle
  /** What the result document says about the database (never a password). */
  description: Record<string, string>
  /** Closes the database (if nothing else has) and removes everything the run created. */
  dispose: () => Promise<void>
}

/** The app context closes the database too; whichever comes second must not fail. */
function closeOnce(handle: DatabaseHandle): DatabaseHandle {
  let closing: Promise<void> | undefined
  return {
    ...handle,
    close: () => {
      closing ??= handle.close()
      return closing
    },
  }
}

/**
 * The embedded default (PGlite on disk, as `npm run serve` uses it) in a temporary directory, or,
 * with a server URL, a fresh database on that server that is dropped afterwards, so a run never
 * touches anyone's data.
 */
export async function openBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'autodoctor-bench-'))
    try {
      const handle = closeOnce(await openDatabase({ kind: 'pglite', dataDir }))
      return {
        handle,
        description: { kind: 'pglite', storage: 'on disk, temporary directory' },
        dispose: async () => {
          try {
            await handle.close()
          } finally {
            rmSync(dataDir, { recursive: true, force: true })
          }
        },
      }
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
  }

  const name = `autodoctor_bench_${Date.now()}_${randomBytes(4).toString('hex')}`
  await withClient(serverUrl, (client) => client.query(`create database "${name}"`))
  const drop = () =>
    withClient(serverUrl, (client) =>
      client.query(`drop database if exists "${name}" with (force)`),
    )
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  try {
    const handle = closeOnce(await openDatabase({ kind: 'postgres', url: url.toString() }))
    const shown = new URL(serverUrl)
    shown.password = ''
    shown.pathname = ''
    return {
      handle,
      description: { kind: 'postgres', server: shown.toString(), database: name },
      dispose: async () => {
        try {
          await handle.close()
        } finally {
          await drop()
        }
      },
    }
  } catch (error) {
    await drop()
    throw error
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}
