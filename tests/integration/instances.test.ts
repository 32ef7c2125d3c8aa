import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { instances } from '@/db/schema'
import { beatHeartbeat } from '@/features/instances/beat-heartbeat'
import { findGoneInstances } from '@/features/instances/find-gone-instances'
import { forgetInstances } from '@/features/instances/forget-instances'
import { STALE_AFTER_MS } from '@/features/instances/instance-timing'
import { markInstanceStopped } from '@/features/instances/mark-instance-stopped'
import { registerInstance } from '@/features/instances/register-instance'
import { applyPresence } from '@/features/sessions/apply-presence'
import { remainingMs } from '@/features/sessions/session-clock'
import { syncPresence } from '@/features/sessions/sync-presence'
import { insertSession, insertUser, sessionRow, transitionsOf } from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

// The clock is moved by passing `now`: heartbeats and the stale check take it as an argument.
// On PostgreSQL other files share the database, so every check looks only at this file's rows.

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
})

const GRACE_MS = 5_000

function at(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms)
}

/** What `selfId` finds about the given instances at `now`. */
async function look(selfId: string, ids: string[], now: Date, everyOtherIsGone = false) {
  const { gone } = await findGoneInstances({ selfId, graceMs: GRACE_MS, everyOtherIsGone, now })
  const mine = gone.filter((instance) => ids.includes(instance.id))
  return { goneIds: mine.map((instance) => instance.id), gone: mine }
}

async function rowsOf(ids: string[]) {
  return app.database.db.select().from(instances).where(inArray(instances.id, ids))
}

describe('instance heartbeats', () => {
  test('an instance is gone once its heartbeat is older than the stale limit, not before', async () => {
    const t0 = new Date()
    const a = await registerInstance(t0)
    const b = await registerInstance(t0)
    await beatHeartbeat(b, at(t0, STALE_AFTER_MS - 1_000))

    expect((await look(b, [a], at(t0, STALE_AFTER_MS - 1))).goneIds).toEqual([])
    const { gone } = await look(b, [a], at(t0, STALE_AFTER_MS))
    expect(gone).toEqual([{ id: a, lastSeenAt: t0 }])
    // A keeps beating: it is alive again for B.
    await beatHeartbeat(a, at(t0, STALE_AFTER_MS))
    expect((await look(b, [a], at(t0, STALE_AFTER_MS + 1_000))).goneIds).toEqual([])
    // An instance never counts itself.
    expect((await look(a, [a], at(t0, 10 * STALE_AFTER_MS))).goneIds).toEqual([])
  })

  test('a gracefully stopped instance is gone after the presence grace period, from its stop', async () => {
    const t0 = new Date()
    const a = await registerInstance(t0)
    const b = await registerInstance(t0)
    const stoppedAt = at(t0, 1_000)
    await markInstanceStopped(a, stoppedAt)

    const during = await findGoneInstances({
      selfId: b,
      graceMs: GRACE_MS,
      now: at(stoppedAt, GRACE_MS - 1),
    })
    expect(during.gone.map((instance) => instance.id)).not.toContain(a)
    const { gone } = await look(b, [a], at(stoppedAt, GRACE_MS))
    expect(gone).toEqual([{ id: a, lastSeenAt: stoppedAt }])
    // A stopped instance beats no more.
    expect(await beatHeartbeat(a, at(stoppedAt, 100))).toEqual({ revived: true })
  })

  test('on the embedded database every other instance is gone at once', async () => {
    const t0 = new Date()
    const previous = await registerInstance(t0)
    const current = await registerInstance(t0)
    expect((await look(current, [previous], t0)).goneIds).toEqual([])
    expect((await look(current, [previous], t0, true)).goneIds).toEqual([previous])
  })

  test('an instance taken for dead comes back on its next heartbeat', async () => {
    const t0 = new Date()
    const a = await registerInstance(t0)
    const b = await registerInstance(t0)
    const { gone } = await look(b, [a], at(t0, STALE_AFTER_MS))
    await forgetInstances(gone)
    expect(await rowsOf([a])).toEqual([])

    const back = at(t0, STALE_AFTER_MS + 500)
    expect(await beatHeartbeat(a, back)).toEqual({ revived: true })
    expect(await beatHeartbeat(a, at(back, 2_000))).toEqual({ revived: false })
    expect((await look(b, [a], at(back, 2_000))).goneIds).toEqual([])
  })

  test('an instance that beat again after being found gone is not forgotten', async () => {
    const t0 = new Date()
    const a = await registerInstance(t0)
    const b = await registerInstance(t0)
    const { gone } = await look(b, [a], at(t0, STALE_AFTER_MS))
    // Only slow: it beats while B deals with what it thought A left behind.
    await beatHeartbeat(a, at(t0, STALE_AFTER_MS + 100))
    await forgetInstances(gone)
    const [row] = await rowsOf([a])
    expect(row?.heartbeatAt).toEqual(at(t0, STALE_AFTER_MS + 100))
  })
})

describe('clocks of sessions whose connections were lost', () => {
  async function liveSession({ liveFor, remaining }: { liveFor: number; remaining: number }) {
    const now = Date.now()
    const customerId = await insertUser(app)
    const mechanicId = await insertUser(app, 'mechanic')
    return insertSession(app, {
      customerId,
      mechanicId,
      status: 'live',
      acceptedAt: new Date(now - liveFor - 60_000),
      startedAt: new Date(now - liveFor),
      statusChangedAt: new Date(now - liveFor),
      expiresAt: new Date(now + remaining),
    })
  }

  test('nobody connected: the clock pauses from the last heartbeat, and the resume credits it', async () => {
    const session = await liveSession({ liveFor: 600_000, remaining: 1_200_000 })
    const lastHeartbeat = new Date(Date.now() - 8_000)
    const leftAtHeartbeat = remainingMs(session, lastHeartbeat)

    // No socket server runs in this file: nobody is connected, and no server is unanswered.
    const { result, complete } = await syncPresence(session.id, null, {
      pausedSince: lastHeartbeat,
    })
    expect(complete).toBe(true)
    expect(result?.status).toBe('reconnecting')
    const paused = await sessionRow(app, session.id)
    expect(paused.pausedAt).toEqual(lastHeartbeat)
    expect(remainingMs(paused, new Date())).toBe(leftAtHeartbeat)
    expect((await transitionsOf(app, session.id)).at(-1)).toMatchObject({
      from: 'live',
      to: 'reconnecting',
      reason: 'both_absent',
    })

    // Both come back: the clock goes on from where it stood at the last heartbeat.
    await applyPresence(session.id, { customer: true, mechanic: true }, null)
    const resumed = await sessionRow(app, session.id)
    expect(resumed.status).toBe('live')
    expect(leftAtHeartbeat - remainingMs(resumed, new Date())).toBeGreaterThanOrEqual(0)
    expect(leftAtHeartbeat - remainingMs(resumed, new Date())).toBeLessThan(1_000)
  })

  test('a pause is never backdated before the session last went live', async () => {
    const session = await liveSession({ liveFor: 3_000, remaining: 1_200_000 })
    const { result } = await syncPresence(session.id, null, {
      pausedSince: new Date(Date.now() - 8_000),
    })
    expect(result?.status).toBe('reconnecting')
    expect((await sessionRow(app, session.id)).pausedAt).toEqual(session.statusChangedAt)
  })

  test('a reading a server left unanswered never pauses a clock, but can resume one', async () => {
    const session = await liveSession({ liveFor: 60_000, remaining: 1_200_000 })
    const unanswered = { customer: true, mechanic: false, complete: false }
    expect(await applyPresence(session.id, unanswered, null)).toBeNull()
    expect((await sessionRow(app, session.id)).status).toBe('live')

    await applyPresence(session.id, { customer: true, mechanic: false }, null)
    expect((await sessionRow(app, session.id)).status).toBe('reconnecting')
    const back = await applyPresence(
      session.id,
      { customer: true, mechanic: true, complete: false },
      null,
    )
    expect(back?.status).toBe('live')
  })
})
