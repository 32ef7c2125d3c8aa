'use client'

import { Mic, MicOff, RotateCw, SwitchCamera, Video, VideoOff, WifiOff } from 'lucide-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui'
import { getSocket } from '@/features/realtime/client/socket'
import type { CallQuality } from '@/features/realtime/contract'
import { DeviceCheck, passedKey } from './device-check'
import { usePeerConnection } from './use-peer-connection'

const qualityText: Record<CallQuality, string> = {
  good: 'Connection: good',
  weak: 'Connection: weak',
  poor: 'Connection: poor',
  unknown: 'Connection: measuring…',
}

/**
 * The video area of a video session's room: the device check first (once per session in this
 * tab), then the call. Admins watching never see it.
 */
export function VideoCall({
  sessionId,
  otherName,
  otherAway,
}: {
  sessionId: string
  otherName: string
  /** The other participant's connection dropped (the clock is paused). */
  otherAway: boolean
}) {
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [checkNeeded, setCheckNeeded] = useState<boolean | null>(null)

  // A reload mid-call: the check already passed for this session, so the devices reopen directly.
  useEffect(() => {
    if (sessionStorage.getItem(passedKey(sessionId)) !== 'true') {
      setCheckNeeded(true)
      return
    }
    let cancelled = false
    navigator.mediaDevices
      .getUserMedia({ video: true, audio: true })
      .then((media) => {
        if (cancelled) stopTracks(media)
        else {
          setStream(media)
          setCheckNeeded(false)
        }
      })
      .catch(() => {
        if (!cancelled) setCheckNeeded(true)
      })
    return () => {
      cancelled = true
    }
  }, [sessionId])

  // The devices are released when the call leaves the page (not when a camera is switched).
  const current = useRef(stream)
  current.current = stream
  useEffect(() => () => stopTracks(current.current), [])

  const onJoin = useCallback((media: MediaStream) => {
    setStream(media)
    setCheckNeeded(false)
  }, [])

  if (checkNeeded === null) return <VideoFrame>Opening your camera…</VideoFrame>
  if (checkNeeded || !stream) return <DeviceCheck sessionId={sessionId} onJoin={onJoin} />
  return (
    <CallView
      sessionId={sessionId}
      otherName={otherName}
      otherAway={otherAway}
      stream={stream}
      onStream={setStream}
    />
  )
}

function VideoFrame({ children }: { children: React.ReactNode }) {
  return (
    <section className="flex min-h-48 items-center justify-center rounded-xl bg-slate-900 p-4 text-slate-100 lg:flex-1">
      {children}
    </section>
  )
}

function CallView({
  sessionId,
  otherName,
  otherAway,
  stream,
  onStream,
}: {
  sessionId: string
  otherName: string
  otherAway: boolean
  stream: MediaStream
  onStream: (stream: MediaStream) => void
}) {
  const call = usePeerConnection(sessionId, stream)
  const remoteRef = useRef<HTMLVideoElement>(null)
  const localRef = useRef<HTMLVideoElement>(null)
  const [micOn, setMicOn] = useState(true)
  const [cameraOn, setCameraOn] = useState(true)
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([])

  useEffect(() => {
    if (remoteRef.current) remoteRef.current.srcObject = call.remoteStream
  }, [call.remoteStream])
  useEffect(() => {
    if (localRef.current) localRef.current.srcObject = stream
  }, [stream])
  useEffect(() => {
    void navigator.mediaDevices
      .enumerateDevices()
      .then((devices) => setCameras(devices.filter((device) => device.kind === 'videoinput')))
  }, [])

  // The other side and admins watching see the state of this side of the call.
  const connected = call.phase === 'connected'
  useEffect(() => {
    const socket = getSocket()
    if (!socket.connected) return
    socket.emit('rtc:state', {
      sessionId,
      camera: cameraOn,
      mic: micOn,
      quality: call.quality,
      connected,
    })
  }, [sessionId, cameraOn, micOn, call.quality, connected])

  const toggleMic = () => {
    const next = !micOn
    for (const track of stream.getAudioTracks()) track.enabled = next
    setMicOn(next)
  }
  const toggleCamera = () => {
    const next = !cameraOn
    for (const track of stream.getVideoTracks()) track.enabled = next
    setCameraOn(next)
  }
  // Front and back on phones, or the next camera on a computer; the call carries on.
  const switchCamera = async () => {
    const current = stream.getVideoTracks()[0]?.getSettings().deviceId
    const index = cameras.findIndex((camera) => camera.deviceId === current)
    const next = cameras[(index + 1) % cameras.length]
    if (!next) return
    const media = await navigator.mediaDevices.getUserMedia({
      video: { deviceId: { exact: next.deviceId } },
    })
    const [track] = media.getVideoTracks()
    if (!track) return
    track.enabled = cameraOn
    await call.replaceTrack(track)
    for (const old of stream.getVideoTracks()) old.stop()
    onStream(new MediaStream([...stream.getAudioTracks(), track]))
  }

  const reconnecting = call.phase === 'reconnecting' || otherAway
  return (
    <section
      aria-label="Video call"
      data-testid="video-call"
      className="relative flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl bg-slate-900"
    >
      {reconnecting && (
        <div
          role="alert"
          data-testid="call-reconnecting"
          className="absolute inset-x-0 top-0 z-10 flex flex-wrap items-center gap-2 bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950"
        >
          <WifiOff aria-hidden className="size-4 shrink-0" />
          <span className="flex-1">
            {otherAway
              ? `Reconnecting… ${otherName} lost connection — clock paused.`
              : `Reconnecting… the video with ${otherName} dropped.`}
          </span>
          <Button variant="secondary" className="min-h-9 py-1" onClick={call.retryNow}>
            <RotateCw aria-hidden className="size-4" />
            Retry now
          </Button>
        </div>
      )}
      {/* A live call between two people: there is no caption track to offer. */}
      {/* biome-ignore lint/a11y/useMediaCaption: live camera, no captions exist */}
      <video
        ref={remoteRef}
        autoPlay
        playsInline
        data-testid="remote-video"
        aria-label={`Video of ${otherName}`}
        className="min-h-0 w-full flex-1 bg-slate-900 object-contain"
      />
      {!connected && !reconnecting && (
        <p className="absolute inset-x-0 top-1/3 text-center text-slate-100" role="status">
          {call.error ?? `Waiting for ${otherName}'s video…`}
        </p>
      )}
      <video
        ref={localRef}
        autoPlay
        muted
        playsInline
        aria-label="Your camera"
        data-testid="local-video"
        className="absolute right-3 bottom-20 w-24 -scale-x-100 rounded-lg border-2 border-white/70 bg-slate-800 object-cover sm:w-40"
      />
      <div className="flex flex-wrap items-center justify-center gap-2 bg-slate-950/80 p-3">
        <Button
          variant="secondary"
          onClick={toggleMic}
          aria-pressed={!micOn}
          aria-label={micOn ? 'Mute microphone' : 'Unmute microphone'}
        >
          {micOn ? (
            <Mic aria-hidden className="size-5" />
          ) : (
            <MicOff aria-hidden className="size-5" />
          )}
        </Button>
        <Button
          variant="secondary"
          onClick={toggleCamera}
          aria-pressed={!cameraOn}
          aria-label={cameraOn ? 'Turn camera off' : 'Turn camera on'}
        >
          {cameraOn ? (
            <Video aria-hidden className="size-5" />
          ) : (
            <VideoOff aria-hidden className="size-5" />
          )}
        </Button>
        {cameras.length > 1 && (
          <Button
            variant="secondary"
            onClick={() => void switchCamera()}
            aria-label="Switch camera"
          >
            <SwitchCamera aria-hidden className="size-5" />
          </Button>
        )}
        <span className="text-sm text-slate-100" data-testid="call-quality" role="status">
          {connected
            ? qualityText[call.quality]
            : reconnecting
              ? 'Reconnecting…'
              : call.phase === 'waiting'
                ? `Waiting for ${otherName} to join`
                : 'Connecting…'}
        </span>
      </div>
    </section>
  )
}

function stopTracks(media: MediaStream | null | undefined): void {
  for (const track of media?.getTracks() ?? []) track.stop()
}
