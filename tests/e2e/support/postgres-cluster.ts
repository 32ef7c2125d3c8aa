import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './production-server'

const run = promisify(execFile)

/**
 * A PostgreSQL server of the test's own, on a free port with a temporary data directory, so a
 * test can stop and start it (a database outage) without touching the machine's shared server.
 */
export type OwnedPostgres = {
  /** A connection string for the `postgres` database, trust authentication. */
  url: string
  port: number
  /** `pg_ctl stop -m fast`: connections are terminated, new ones refused. */
  stop: () => Promise<void>
  start: () => Promise<void>
  /** Stops the server if it runs and removes its files. Safe to call more than once. */
  destroy: () => Promise<void>
}

/** The newest installed server binaries (Debian: /usr/lib/postgresql/<major>/bin). */
function serverBinDir(): string {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!majors[0]) throw new Error(`No PostgreSQL server binaries under ${root}`)
  return path.join(root, majors[0], 'bin')
}

export async function startOwnedPostgres(label: string): Promise<OwnedPostgres> {
  const bin = serverBinDir()
  const dir = mkdtempSync(path.join(tmpdir(), `autodoctor-pg-${label}-`))
  const dataDir = path.join(dir, 'data')
  const logFile = path.join(dir, 'server.log')
  // initdb refuses to run as root: then the cluster belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(dir, ...postgresIds())
  const pgCommand = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args)

  const port = await freePort()
  let running = false
  const start = async () => {
    await pgCommand('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ])
    running = true
  }
  const stop = async () => {
    await pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'])
    running = false
  }
  const destroy = async () => {
    try {
      if (running) await stop()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  try {
    await pgCommand('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
    await start()
  } catch (error) {
    await destroy()
    throw error
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop, start, destroy }
}

/** The uid and gid of the `postgres` account, from the system's user database. */
function postgresIds(): [number, number] {
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'))
  if (!entry) throw new Error('No postgres account on this machine')
  const [, , uid, gid] = entry.split(':')
  return [Number(uid), Number(gid)]
}
