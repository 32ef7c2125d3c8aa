import { scrypt } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { authAccounts } from '@/db/schema'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
})

/** A stored hash exactly as accounts made so far have it: "<hex salt>:<hex scrypt key>". */
function existingHash(password: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      64,
      { N: 16_384, r: 16, p: 1, maxmem: 128 * 16_384 * 16 * 2 },
      (error, key) => (error ? reject(error) : resolve(`${salt}:${key.toString('hex')}`)),
    ),
  )
}

test('accounts whose password was hashed before still sign in, and only with their password', async () => {
  const user = await app.createUser()
  const password = 'an older password 1'
  await app.database.db
    .update(authAccounts)
    .set({ password: await existingHash(password, 'a3f1c0de9b8a7766554433221100ffee') })
    .where(eq(authAccounts.userId, user.id))

  expect((await app.signIn({ email: user.email, password })).status).toBe(200)
  expect((await app.signIn({ email: user.email, password: 'not the password' })).status).toBe(401)
})
