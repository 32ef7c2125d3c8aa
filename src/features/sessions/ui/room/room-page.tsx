import { redirect } from 'next/navigation'
import { requirePageUser } from '@/features/auth/require-page-user'
import { dashboardPathFor } from '@/features/auth/session-user'
import { plans, type SessionType } from '@/features/catalogue/catalogue'
import { getRoomEntry } from '@/features/sessions/get-room-entry'
import { getRoomIntro } from '@/features/sessions/get-room-intro'
import { roomPathFor } from '@/features/sessions/room-path'
import { orNotFound } from '../detail/or-not-found'
import { notStartedPathFor } from './exit-paths'
import { SessionRoom } from './session-room'

export type RoomPageProps = {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/**
 * The one page behind `/chat/[id]` and `/video/[id]`: who may enter, which room, and whether
 * there is still a room to enter. An ended session sends the viewer to its summary page, so the
 * Back button can never bring a room back.
 */
export async function RoomPage({ kind, props }: { kind: SessionType; props: RoomPageProps }) {
  const { id } = await props.params
  const query = toQueryString(await props.searchParams)
  const user = await requirePageUser({ path: `${roomPathFor(id, kind)}${query}` })
  const entry = await orNotFound(getRoomEntry(id, user))
  switch (entry.outcome) {
    case 'ended':
      return redirect(`/sessions/${id}`)
    case 'not-started':
      return redirect(notStartedPathFor(entry.role, id))
    case 'enter': {
      // One room for both kinds on the socket; the address names the plan's kind.
      const { type } = plans[entry.session.plan]
      if (type !== kind) return redirect(`${roomPathFor(id, type)}${query}`)
      const intro = await getRoomIntro(entry.session, entry.role)
      return (
        <SessionRoom
          intro={intro}
          viewer={{ id: user.id, name: user.name }}
          homePath={dashboardPathFor(user.role)}
        />
      )
    }
  }
}

function toQueryString(searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      query.append(key, item)
    }
  }
  const text = query.toString()
  return text ? `?${text}` : ''
}
