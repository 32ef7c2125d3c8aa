import type { Metadata } from 'next'
import { RoomPage, type RoomPageProps } from '@/features/sessions/ui/room/room-page'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Chat session' }

export default function ChatRoomPage(props: RoomPageProps) {
  return <RoomPage kind="chat" props={props} />
}
