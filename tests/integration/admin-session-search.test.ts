import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as adminSessionsRoute } from '@/app/api/admin/sessions/route'
import { users } from '@/db/schema'
import { insertSession, insertUser } from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

let app: TestApp
let admin: TestUser
// One word per run: other files share the PostgreSQL database, so searches stay within ours.
const tag = randomUUID().slice(0, 8)

type Listed = {
  sessions: { id: string; customerName: string; mechanicName: string | null; vehicle: string }[]
  total: number
  page: number
  pageSize: number
}

beforeAll(async () => {
  app = await startTestApp()
  admin = await app.createUser({ role: 'admin' })
})

afterAll(async () => {
  await app.close()
})

async function named(role: 'customer' | 'mechanic', name: string): Promise<string> {
  const id = await insertUser(app, role)
  await app.database.db.update(users).set({ name }).where(eq(users.id, id))
  return id
}

function list(query: string) {
  return app.call<Listed>(adminSessionsRoute, {
    path: `/api/admin/sessions?${query}`,
    cookie: admin.cookie,
  })
}

describe('admin session list: search and paging', () => {
  test('finds sessions by customer, mechanic, vehicle or id, and pages through them', async () => {
    const casey = await named('customer', `Casey ${tag}`)
    const robin = await named('customer', `Robin ${tag}`)
    const sam = await named('mechanic', `Sam ${tag}`)
    const caseys = []
    for (let index = 0; index < 5; index++) {
      caseys.push(
        await insertSession(app, {
          customerId: casey,
          status: 'completed',
          requestedAt: new Date(Date.UTC(2026, 0, 1, 10, index)),
        }),
      )
    }
    const robins = await insertSession(app, {
      customerId: robin,
      mechanicId: sam,
      status: 'expired',
      vehicleMake: `Make${tag}`,
    })

    const byCustomer = await list(`q=${encodeURIComponent(`casey ${tag}`)}&pageSize=2`)
    expect(byCustomer.status).toBe(200)
    expect(byCustomer.body.total).toBe(5)
    expect(byCustomer.body.sessions.map((s) => s.id)).toEqual([caseys[4]?.id, caseys[3]?.id])

    const lastPage = await list(`q=Casey+${tag}&pageSize=2&page=3`)
    expect(lastPage.body).toMatchObject({ total: 5, page: 3, pageSize: 2 })
    expect(lastPage.body.sessions.map((s) => s.id)).toEqual([caseys[0]?.id])

    const byMechanic = await list(`q=Sam+${tag}`)
    expect(byMechanic.body.sessions.map((s) => s.id)).toEqual([robins.id])
    const byVehicle = await list(`q=make${tag}`)
    expect(byVehicle.body.sessions.map((s) => s.id)).toEqual([robins.id])
    const byId = await list(`q=${robins.id.slice(0, 8)}`)
    expect(byId.body.sessions.map((s) => s.id)).toContain(robins.id)
    const byStatusToo = await list(`q=${tag}&status=expired`)
    expect(byStatusToo.body.sessions.map((s) => s.id)).toEqual([robins.id])
  })

  test('search text is data, never SQL or a pattern', async () => {
    const wild = await list(`q=${encodeURIComponent(`%' OR 1=1 --`)}`)
    expect(wild.status).toBe(200)
    expect(wild.body.total).toBe(0)
    const percent = await list('q=%25')
    expect(percent.body.total).toBe(0)
  })

  test('bad paging is refused with 422, in plain words', async () => {
    for (const query of ['page=0', 'page=abc', 'pageSize=1000', `q=${'x'.repeat(201)}`]) {
      const result = await list(query)
      expect(result.status, query).toBe(422)
    }
  })
})
