import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as approvePost } from '@/app/api/admin/mechanics/[id]/approve/route'
import { GET as authGet } from '@/app/api/auth/[...all]/route'
import { POST as applyPost } from '@/app/api/mechanics/apply/route'
import { events } from '@/db/schema'
import { isApprovedMechanic } from '@/features/auth/session-user'
import { startTestApp, type TestApp, type TestUser, uniqueEmail } from '../support/test-app'

let app: TestApp
let admin: TestUser

beforeAll(async () => {
  app = await startTestApp()
  admin = await app.createUser({ role: 'admin' })
})

afterAll(() => app.close())

function application(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Riley Wrench',
    email: uniqueEmail('applicant'),
    password: 'torque-spec-42',
    yearsExperience: 9,
    specialties: ['Brakes', 'Electrical'],
    ...overrides,
  }
}

function apply(body: unknown) {
  return app.call<{ mechanic: { id: string; approved: boolean } }>(applyPost, {
    path: '/api/mechanics/apply',
    body,
  })
}

function approve(mechanicId: string, cookie?: string) {
  return app.call<{ mechanic: { id: string; approvedAt: string } }>(approvePost, {
    path: `/api/admin/mechanics/${mechanicId}/approve`,
    method: 'POST',
    params: { id: mechanicId },
    cookie,
  })
}

function eventsFor(type: string, subjectId: string) {
  return app.database.db
    .select({ actorId: events.actorId, createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.type, type), eq(events.subjectId, subjectId)))
}

describe('mechanic application', () => {
  test('applying creates a signed-in mechanic who is not yet approved', async () => {
    const body = application()
    const applied = await apply(body)

    expect(applied.status).toBe(201)
    expect(applied.body.mechanic).toEqual({ id: expect.any(String), approved: false })
    const session = await app.call<{ user: { id: string; role: string } }>(authGet, {
      path: '/api/auth/get-session',
      cookie: applied.cookie,
    })
    expect(session.body.user).toMatchObject({ id: applied.body.mechanic.id, role: 'mechanic' })
    expect(await isApprovedMechanic(applied.body.mechanic.id)).toBe(false)
    expect(await eventsFor('mechanic.applied', applied.body.mechanic.id)).toHaveLength(1)

    const signedIn = await app.signIn({ email: body.email, password: body.password })
    expect(signedIn.status).toBe(200)
  })

  test('an email that already has an account cannot apply again', async () => {
    const body = application()
    expect((await apply(body)).status).toBe(201)

    const again = await apply({ ...body, name: 'Someone Else' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { code: 'conflict' } })
  })

  test('an application with no specialties is refused with the field named', async () => {
    const refused = await apply(application({ specialties: [] }))

    expect(refused.status).toBe(422)
    expect(refused.body).toMatchObject({
      error: { code: 'validation_failed', message: expect.stringContaining('specialties') },
    })
  })
})

describe('admin approval', () => {
  test('an admin approves a mechanic once; a second approval is a conflict', async () => {
    const applied = await apply(application())
    const mechanicId = applied.body.mechanic.id

    const approved = await approve(mechanicId, admin.cookie)
    expect(approved.status).toBe(200)
    expect(approved.body.mechanic).toEqual({ id: mechanicId, approvedAt: expect.any(String) })
    expect(await isApprovedMechanic(mechanicId)).toBe(true)
    const logged = await eventsFor('mechanic.approved', mechanicId)
    expect(logged).toEqual([{ actorId: admin.id, createdAt: expect.any(Date) }])

    const again = await approve(mechanicId, admin.cookie)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      error: { code: 'conflict', approvedAt: approved.body.mechanic.approvedAt },
    })
    expect(await eventsFor('mechanic.approved', mechanicId)).toHaveLength(1)
  })

  test('approving an id with no application is a 404', async () => {
    const missing = await approve(crypto.randomUUID(), admin.cookie)

    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } })
  })

  test('only admins may approve', async () => {
    const mechanicId = (await apply(application())).body.mechanic.id
    const customer = await app.createUser({ role: 'customer' })
    const mechanic = await app.createUser({ role: 'mechanic' })

    for (const cookie of [customer.cookie, mechanic.cookie, (await apply(application())).cookie]) {
      const refused = await approve(mechanicId, cookie)
      expect(refused.status).toBe(403)
      expect(refused.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } })
    }

    const signedOut = await approve(mechanicId)
    expect(signedOut.status).toBe(401)
    expect(signedOut.body).toEqual({
      error: { code: 'unauthenticated', message: expect.any(String) },
    })

    expect(await isApprovedMechanic(mechanicId)).toBe(false)
  })
})
