'use client'

import { Camera, CircleAlert, CircleCheck, Mic, RotateCw } from 'lucide-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui'

type CheckResult = 'checking' | 'pass' | 'warn' | 'fail'

type MediaProblem = 'denied' | 'no-device' | 'busy' | 'other'

/** What went wrong getting the camera and microphone, in words a car owner understands. */
const problemText: Record<MediaProblem, string> = {
  denied:
    'Your browser is blocking the camera or microphone. Click the camera icon (or the padlock) at the left of the address bar, choose "Allow" for camera and microphone, then press Retry.',
  'no-device':
    'We could not find a camera or a microphone on this device. Plug one in (or use a phone), then press Retry.',
  busy: 'Another app is using your camera or microphone. Close it (a video app, another tab), then press Retry.',
  other:
    'Your camera or microphone did not start. Press Retry; if it keeps failing, restart your browser.',
}

function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-device'
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy'
  return 'other'
}

/** The device check passed for this session in this tab: a reload mid-call skips it. */
export const passedKey = (sessionId: string) => `device-check-passed:${sessionId}`

/**
 * The check before joining the call: a camera preview, a live microphone level, and plain pass /
 * warn / fail words. Join stays disabled until both camera and microphone work.
 */
export function DeviceCheck({
  sessionId,
  onJoin,
}: {
  sessionId: string
  onJoin: (stream: MediaStream) => void
}) {
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [problem, setProblem] = useState<MediaProblem | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [level, setLevel] = useState(0)
  const [heard, setHeard] = useState(false)
  const videoRef = useRef<HTMLVideoElement>(null)
  const handedOver = useRef(false)

  // `attempt` is the Retry button: each press asks for the devices again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt is the reason to run
  useEffect(() => {
    let cancelled = false
    let opened: MediaStream | null = null
    setProblem(null)
    navigator.mediaDevices
      .getUserMedia({ video: true, audio: true })
      .then((media) => {
        opened = media
        if (cancelled) stopTracks(media)
        else setStream(media)
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(problemOf(error))
      })
    return () => {
      cancelled = true
      // A stream handed to the call lives on; one left behind here is released.
      if (opened && !handedOver.current) stopTracks(opened)
    }
  }, [attempt])

  useEffect(() => {
    if (videoRef.current && stream) videoRef.current.srcObject = stream
  }, [stream])

  // The microphone level, read from the stream while the check is shown.
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return
    const context = new AudioContext()
    const analyser = context.createAnalyser()
    analyser.fftSize = 512
    context.createMediaStreamSource(stream).connect(analyser)
    const samples = new Uint8Array(analyser.fftSize)
    let frame = 0
    const read = () => {
      analyser.getByteTimeDomainData(samples)
      let peak = 0
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128) / 128)
      setLevel(peak)
      if (peak > 0.05) setHeard(true)
      frame = requestAnimationFrame(read)
    }
    read()
    return () => {
      cancelAnimationFrame(frame)
      void context.close()
    }
  }, [stream])

  const cameraWorks = stream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false
  const micWorks = stream?.getAudioTracks().some((track) => track.readyState === 'live') ?? false
  const camera: CheckResult = problem
    ? 'fail'
    : !stream
      ? 'checking'
      : cameraWorks
        ? 'pass'
        : 'fail'
  const mic: CheckResult = problem
    ? 'fail'
    : !stream
      ? 'checking'
      : !micWorks
        ? 'fail'
        : heard
          ? 'pass'
          : 'warn'
  const canJoin = cameraWorks && micWorks

  const join = useCallback(() => {
    if (!stream) return
    handedOver.current = true
    sessionStorage.setItem(passedKey(sessionId), 'true')
    onJoin(stream)
  }, [stream, sessionId, onJoin])

  return (
    <section
      aria-labelledby="device-check-title"
      data-testid="device-check"
      className="flex min-h-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 lg:flex-1"
    >
      <h2 id="device-check-title" className="font-semibold text-slate-900">
        Check your camera and microphone
      </h2>
      <div className="relative aspect-video max-h-64 overflow-hidden rounded-lg bg-slate-900 lg:max-h-none">
        <video
          ref={videoRef}
          autoPlay
          muted
          playsInline
          aria-label="Your camera preview"
          className="size-full -scale-x-100 object-cover"
        />
      </div>
      <ul className="space-y-2 text-sm">
        <CheckLine
          icon={<Camera aria-hidden className="size-4" />}
          result={camera}
          text={
            camera === 'pass'
              ? 'Camera works — you can see yourself above.'
              : camera === 'checking'
                ? 'Starting your camera…'
                : 'Camera is not working.'
          }
        />
        <li className="flex items-center gap-2">
          <Mic aria-hidden className="size-4" />
          <ResultIcon result={mic} />
          <span className="flex-1">
            {mic === 'pass'
              ? 'Microphone works — we can hear you.'
              : mic === 'warn'
                ? 'Microphone is on. Say something to see the bar move.'
                : mic === 'checking'
                  ? 'Starting your microphone…'
                  : 'Microphone is not working.'}
          </span>
          <meter
            aria-label="Microphone level"
            min={0}
            max={1}
            value={level}
            className="h-3 w-24"
            data-testid="mic-level"
          />
        </li>
      </ul>
      {problem && (
        <div
          role="alert"
          className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <p data-testid="device-problem">{problemText[problem]}</p>
          <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
            <RotateCw aria-hidden className="size-4" />
            Retry
          </Button>
        </div>
      )}
      <Button onClick={join} disabled={!canJoin}>
        Join the call
      </Button>
      {!canJoin && !problem && (
        <p className="text-sm text-slate-600">Join opens once your camera and microphone work.</p>
      )}
    </section>
  )
}

function CheckLine({
  icon,
  result,
  text,
}: {
  icon: React.ReactNode
  result: CheckResult
  text: string
}) {
  return (
    <li className="flex items-center gap-2">
      {icon}
      <ResultIcon result={result} />
      <span>{text}</span>
    </li>
  )
}

function ResultIcon({ result }: { result: CheckResult }) {
  if (result === 'pass') return <CircleCheck aria-label="Pass" className="size-4 text-green-700" />
  if (result === 'fail') return <CircleAlert aria-label="Fail" className="size-4 text-red-700" />
  if (result === 'warn') return <CircleAlert aria-label="Check" className="size-4 text-amber-700" />
  return <span className="size-4" aria-hidden />
}

function stopTracks(media: MediaStream | null | undefined): void {
  for (const track of media?.getTracks() ?? []) track.stop()
}
