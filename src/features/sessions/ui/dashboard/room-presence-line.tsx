import type { ActiveSessionView } from '../../active-session-view'

/** Who is in the room right now, in words; nothing when the dashboard did not ask. */
export function RoomPresenceLine({ session }: { session: ActiveSessionView }) {
  const presence = session.inRoom
  if (!presence) return null
  const other = session.otherName ?? 'The other participant'
  const text =
    presence.other && presence.viewer
      ? `You and ${other} are in the room.`
      : presence.other
        ? `${other} is in the room.`
        : presence.viewer
          ? 'You have the room open in another tab.'
          : 'Nobody is in the room yet.'
  return (
    <span className="basis-full" data-testid="room-presence">
      {text}
    </span>
  )
}
