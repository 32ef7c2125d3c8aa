import type { Metadata } from 'next'
import { RoomPage, type RoomPageProps } from '@/features/sessions/ui/room/room-page'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Video session' }

export default function VideoRoomPage(props: RoomPageProps) {
  return <RoomPage kind="video" props={props} />
}
