import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { events, sessions } from '@/db/schema'
import { canTransition } from '@/features/sessions/state-machine'
import { type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'
import { transitionSession } from '@/features/sessions/transition-session'
import { AppError } from '@/lib/errors'
import { insertSession, insertUser, rowsOf, sessionRow, transitionsOf } from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(() => app.close())

const pairs = sessionStatuses.flatMap((from) => sessionStatuses.map((to) => [from, to] as const))

/** A session in `from` with the columns that state would have, owned by fresh users. */
async function arrange(from: SessionStatus) {
  const customerId = await insertUser(app, 'customer')
  const mechanicId = from === 'pending' ? null : await insertUser(app, 'mechanic')
  const startedAt = new Date(Date.now() - 5 * 60_000)
  const running = from === 'live' || from === 'reconnecting' || from === 'completed'
  return insertSession(app, {
    customerId,
    mechanicId,
    status: from,
    acceptedAt: mechanicId ? startedAt : null,
    startedAt: running ? startedAt : null,
    expiresAt: running ? new Date(startedAt.getTime() + 30 * 60_000) : null,
    pausedAt: from === 'reconnecting' ? new Date() : null,
    endedAt: from === 'completed' || from === 'cancelled' || from === 'expired' ? new Date() : null,
  })
}

async function eventCount(subjectId: string): Promise<number> {
  const [row] = await app.database.db
    .select({ n: count() })
    .from(events)
    .where(eq(events.subjectId, subjectId))
  return row?.n ?? 0
}

function transition(sessionId: string, to: SessionStatus, actorId: string) {
  return app.database.db.transaction((tx) =>
    transitionSession(tx, { sessionId, to, actorId, reason: 'state_machine_test' }),
  )
}

describe('every (from, to) pair of session states', () => {
  test('covers all 64 pairs, 13 of them legal', () => {
    expect(pairs).toHaveLength(64)
    expect(pairs.filter(([from, to]) => canTransition(from, to))).toHaveLength(13)
  })

  test.each(pairs.filter(([from, to]) => canTransition(from, to)))(
    '%s → %s is written with exactly one event row',
    async (from, to) => {
      const session = await arrange(from)
      const result = await transition(session.id, to, session.customerId)

      expect(result.from).toBe(from)
      expect(result.session.status).toBe(to)
      expect((await sessionRow(app, session.id)).status).toBe(to)
      expect(await eventCount(session.id)).toBe(1)
      expect(await transitionsOf(app, session.id)).toEqual([
        { actorId: session.customerId, from, to, reason: 'state_machine_test' },
      ])
    },
  )

  test.each(pairs.filter(([from, to]) => !canTransition(from, to)))(
    '%s → %s is a 409 carrying the current state and changes nothing',
    async (from, to) => {
      const session = await arrange(from)

      const error = await transition(session.id, to, session.customerId).catch((e: unknown) => e)

      expect(error).toBeInstanceOf(AppError)
      const appError = error as AppError
      expect(appError.code).toBe('conflict')
      expect(appError.status).toBe(409)
      expect(appError.details).toEqual({ status: from })
      expect(appError.message).toContain(from)
      expect(await sessionRow(app, session.id)).toEqual(session)
      expect(await eventCount(session.id)).toBe(0)
    },
  )

  test('a transition for a session that does not exist is a 404', async () => {
    const actorId = await insertUser(app)
    const error = await transition(crypto.randomUUID(), 'accepted', actorId).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'not_found', status: 404 })
  })

  test('the status and its event row commit together or not at all', async () => {
    const session = await arrange('pending')
    const mechanicId = await insertUser(app, 'mechanic')

    const failed = app.database.db.transaction(async (tx) => {
      await transitionSession(tx, {
        sessionId: session.id,
        to: 'accepted',
        actorId: mechanicId,
        reason: 'mechanic_accepted',
        patch: () => ({ mechanicId }),
      })
      throw new Error('the caller failed after the transition')
    })

    await expect(failed).rejects.toThrow('the caller failed after the transition')
    expect(await sessionRow(app, session.id)).toEqual(session)
    expect(await eventCount(session.id)).toBe(0)
  })
})

describe('the database agrees with the code about session states', () => {
  test('the CHECK constraint on sessions.status lists exactly the states in statuses.ts', async () => {
    const result = await app.database.db.execute(sql`
      select pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      where t.relname = 'sessions' and c.contype = 'c' and c.conname = 'sessions_status_check'`)
    const definition = rowsOf<{ definition: string }>(result)[0]?.definition ?? ''

    expect(definition).toMatch(/\bstatus\b/)
    const listed = [...definition.matchAll(/'([^']+)'/g)].map((match) => match[1])
    expect(listed).toEqual([...sessionStatuses])
  })

  test('a status the code does not know is refused by the database itself', async () => {
    const customerId = await insertUser(app)

    const error = await insertSession(app, {
      customerId,
      status: 'paused' as SessionStatus,
    }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(Error)
    expect(checkViolationOf(error)).toBe('sessions_status_check')
    const [row] = await app.database.db
      .select({ n: count() })
      .from(sessions)
      .where(eq(sessions.customerId, customerId))
    expect(row?.n).toBe(0)
  })

  test('a second active session for one customer is refused by the database itself', async () => {
    const customerId = await insertUser(app)
    await insertSession(app, { customerId, status: 'pending' })

    const error = await insertSession(app, { customerId, status: 'pending' }).catch(
      (e: unknown) => e,
    )

    expect(sqlStateOf(error)).toBe('23505')
  })
})

/** Drivers wrap the server's error; the SQLSTATE and constraint name are on the cause. */
function sqlStateOf(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined
  while (current) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code
    current = current.cause as typeof current
  }
  return undefined
}

function checkViolationOf(error: unknown): string | undefined {
  let current = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined
  while (current) {
    if (current.code === '23514') return String(current.constraint ?? '')
    current = current.cause as typeof current
  }
  return undefined
}
