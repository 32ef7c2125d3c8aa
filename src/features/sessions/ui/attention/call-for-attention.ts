/**
 * Tells someone looking elsewhere that something they wait for happened: a short chime, the tab's
 * title, and a browser notification when they allowed it and the page is not in front of them.
 * Each part may be refused by the browser (no sound before any click, notifications blocked);
 * the page itself always shows the change too.
 */
export function callForAttention({
  title,
  body,
  tag,
}: {
  title: string
  body: string
  tag: string
}) {
  chime()
  // Someone looking at the page sees the change itself; the title and the notification are for
  // someone who is not.
  if (document.visibilityState === 'visible' && document.hasFocus()) return
  flagTitle(title)
  notify(title, body, tag)
}

let originalTitle: string | null = null

// The title stays flagged until the person is back: the tab is shown again, focused or touched.
function flagTitle(title: string): void {
  originalTitle ??= document.title
  document.title = `• ${title} — ${originalTitle}`
  const restore = () => {
    if (originalTitle !== null) document.title = originalTitle
    originalTitle = null
    for (const event of ['focus', 'pointerdown', 'keydown'] as const) {
      window.removeEventListener(event, restore)
    }
    document.removeEventListener('visibilitychange', onVisible)
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') restore()
  }
  for (const event of ['focus', 'pointerdown', 'keydown'] as const) {
    window.addEventListener(event, restore, { once: true })
  }
  document.addEventListener('visibilitychange', onVisible)
}

function notify(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  try {
    const notification = new Notification(title, { body, tag, icon: '/favicon.ico' })
    notification.onclick = () => {
      window.focus()
      notification.close()
    }
  } catch {
    // Some mobile browsers only notify through a service worker; the title and chime remain.
  }
}

// Two soft tones, made on the spot: no sound file to load or cache.
function chime(): void {
  const AudioContextClass = window.AudioContext
  if (!AudioContextClass) return
  try {
    const audio = new AudioContextClass()
    const start = audio.currentTime
    for (const [offset, frequency] of [
      [0, 660],
      [0.18, 880],
    ] as const) {
      const tone = audio.createOscillator()
      const volume = audio.createGain()
      tone.frequency.value = frequency
      volume.gain.setValueAtTime(0.0001, start + offset)
      volume.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02)
      volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3)
      tone.connect(volume).connect(audio.destination)
      tone.start(start + offset)
      tone.stop(start + offset + 0.32)
    }
    setTimeout(() => void audio.close(), 1_000)
  } catch {
    // Without sound the title and the page still say it.
  }
}
