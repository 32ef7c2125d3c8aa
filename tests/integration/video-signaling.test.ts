import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as iceServersRoute } from '@/app/api/sessions/[id]/ice-servers/route'
import type { RtcJoinResult, RtcSignalEvent, RtcStateEvent } from '@/features/realtime/contract'
import {
  ackData,
  liveRoom,
  type RoomClient,
  type SocketTestServer,
  sleep,
  startSocketServer,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
let sockets: SocketTestServer

beforeAll(async () => {
  app = await startTestApp()
  sockets = await startSocketServer(app)
}, 120_000)

afterAll(async () => {
  await sockets.close()
  await app.close()
})

const offer = { type: 'offer', sdp: 'v=0\r\n' } as const
const candidate = {
  candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
}

function rtcEvents(client: RoomClient) {
  return client.received.filter((item) => item.event.startsWith('rtc:'))
}

async function liveCall() {
  const room = await liveRoom(app, sockets, 'video')
  const customerJoin = ackData(
    await room.customerClient.request<RtcJoinResult>('rtc:join', { sessionId: room.sessionId }),
  )
  const mechanicJoin = ackData(
    await room.mechanicClient.request<RtcJoinResult>('rtc:join', { sessionId: room.sessionId }),
  )
  return { ...room, customerJoin, mechanicJoin }
}

describe('call signaling', () => {
  test('offers, candidates and state pass between the two participants', async () => {
    const call = await liveCall()
    expect(call.customerJoin).toEqual({ role: 'customer', peerPresent: false })
    expect(call.mechanicJoin).toEqual({ role: 'mechanic', peerPresent: true })
    await call.customerClient.waitFor('rtc:peer-joined')

    call.customerClient.socket.emit('rtc:signal', { sessionId: call.sessionId, description: offer })
    const got = await call.mechanicClient.waitFor<RtcSignalEvent>('rtc:signal')
    expect(got).toEqual({
      sessionId: call.sessionId,
      fromUserId: call.customer.id,
      description: offer,
    })

    call.mechanicClient.socket.emit('rtc:signal', { sessionId: call.sessionId, candidate })
    const back = await call.customerClient.waitFor<RtcSignalEvent>('rtc:signal')
    expect(back.candidate).toEqual(candidate)

    const state = {
      sessionId: call.sessionId,
      camera: true,
      mic: false,
      quality: 'good',
      connected: true,
    }
    call.mechanicClient.socket.emit('rtc:state', state)
    const seen = await call.customerClient.waitFor<RtcStateEvent>('rtc:state')
    expect(seen).toEqual({ ...state, userId: call.mechanic.id })
    // The sender hears none of its own signals.
    expect(call.customerClient.all('rtc:signal')).toHaveLength(1)
    expect(call.mechanicClient.all('rtc:signal')).toHaveLength(1)
  })

  test('a third user can neither receive nor send any rtc event of the session', async () => {
    const call = await liveCall()
    const outsider = await app.createUser({ role: 'customer' })
    const intruder = await sockets.connect(outsider.cookie)

    // Cannot enter the session's room nor its call.
    const join = await intruder.join(call.sessionId)
    expect(join.ok).toBe(false)
    const rtcJoin = await intruder.request('rtc:join', { sessionId: call.sessionId })
    expect(rtcJoin).toMatchObject({ ok: false, error: { code: 'not_found' } })

    // Sends into the session: nothing reaches either participant.
    intruder.socket.emit('rtc:signal', { sessionId: call.sessionId, description: offer })
    intruder.socket.emit('rtc:signal', { sessionId: call.sessionId, candidate })
    intruder.socket.emit('rtc:state', {
      sessionId: call.sessionId,
      camera: true,
      mic: true,
      quality: 'good',
      connected: true,
    })

    // The participants talk; the outsider hears nothing of it.
    call.customerClient.socket.emit('rtc:signal', { sessionId: call.sessionId, description: offer })
    call.mechanicClient.socket.emit('rtc:signal', { sessionId: call.sessionId, candidate })
    await call.mechanicClient.waitFor<RtcSignalEvent>('rtc:signal')
    await call.customerClient.waitFor<RtcSignalEvent>('rtc:signal')
    await sleep(300)

    expect(rtcEvents(intruder)).toEqual([])
    expect(call.mechanicClient.all<RtcSignalEvent>('rtc:signal')).toEqual([
      { sessionId: call.sessionId, fromUserId: call.customer.id, description: offer },
    ])
    expect(call.customerClient.all<RtcSignalEvent>('rtc:signal')).toEqual([
      { sessionId: call.sessionId, fromUserId: call.mechanic.id, candidate },
    ])
    expect(call.customerClient.all('rtc:state')).toEqual([])

    // Nor can it get TURN credentials for the call.
    const ice = await app.call(iceServersRoute, {
      path: `/api/sessions/${call.sessionId}/ice-servers`,
      cookie: outsider.cookie,
      params: { id: call.sessionId },
    })
    expect(ice.status).toBe(404)
  })

  test('an admin watching gets the call state but no signal', async () => {
    const call = await liveCall()
    const admin = await app.createUser({ role: 'admin' })
    const watcher = await sockets.connect(admin.cookie)
    ackData(await watcher.join(call.sessionId))
    const rtcJoin = await watcher.request('rtc:join', { sessionId: call.sessionId })
    expect(rtcJoin).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    call.customerClient.socket.emit('rtc:signal', { sessionId: call.sessionId, description: offer })
    call.customerClient.socket.emit('rtc:state', {
      sessionId: call.sessionId,
      camera: true,
      mic: true,
      quality: 'weak',
      connected: true,
    })
    await call.mechanicClient.waitFor('rtc:signal')
    await watcher.waitFor<RtcStateEvent>('rtc:state')
    await sleep(200)
    expect(watcher.all('rtc:signal')).toEqual([])
    expect(watcher.all('rtc:peer-joined')).toEqual([])
  })

  test('participants get their ICE servers (none configured → empty list)', async () => {
    const call = await liveCall()
    const ice = await app.call<{ iceServers: unknown[]; iceTransportPolicy: string }>(
      iceServersRoute,
      {
        path: `/api/sessions/${call.sessionId}/ice-servers`,
        cookie: call.customer.cookie,
        params: { id: call.sessionId },
      },
    )
    expect(ice.status).toBe(200)
    expect(ice.body).toEqual({ iceServers: [], iceTransportPolicy: 'all' })
  })
})
