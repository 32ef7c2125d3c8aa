import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { users } from '@/db/schema'
import { plans, type SessionType } from '@/features/catalogue/catalogue'
import { getContext } from '@/server/context'
import type { SessionRole } from './get-session-access'
import type { SessionRow } from './transition-session'

/** What the room shows before its socket has joined: enough to paint the header. */
export type RoomIntro = {
  sessionId: string
  type: SessionType
  planLabel: string
  vehicle: string
  concern: string
  role: SessionRole
  customerName: string
  mechanicName: string | null
}

const mechanicUsers = alias(users, 'mechanic_users')

/** The header of a room the viewer has been let into (see `getRoomEntry`). */
export async function getRoomIntro(session: SessionRow, role: SessionRole): Promise<RoomIntro> {
  const plan = plans[session.plan]
  const [names] = await getContext()
    .database.db.select({ customerName: users.name, mechanicName: mechanicUsers.name })
    .from(users)
    .leftJoin(mechanicUsers, eq(mechanicUsers.id, session.mechanicId ?? ''))
    .where(eq(users.id, session.customerId))
  return {
    sessionId: session.id,
    type: plan.type,
    planLabel: plan.label,
    vehicle: `${session.vehicleYear} ${session.vehicleMake} ${session.vehicleModel}`,
    concern: session.concern,
    role,
    customerName: names?.customerName ?? 'Customer',
    mechanicName: names?.mechanicName ?? null,
  }
}
