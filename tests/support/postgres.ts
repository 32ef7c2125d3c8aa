import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The server that test databases are created on; CI runs PostgreSQL locally with trust auth. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
}

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> }

/** A new, empty database with a name no other run uses, so runs never see each other's data. */
export async function createTestDatabase(prefix = 'autodoctor_test'): Promise<TestDatabase> {
  const adminUrl = adminDatabaseUrl()
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      )
    },
  }
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}
