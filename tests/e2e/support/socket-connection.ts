import type { Page, WebSocket } from '@playwright/test'

/**
 * Long enough for a page load and the socket's handshake on a busy machine; the promise is made
 * before the page starts loading, so both count against it.
 */
const CONNECT_TIMEOUT_MS = 60_000

/**
 * Resolves once a socket the page opens from now on has been accepted by the server (Socket.IO's
 * CONNECT answer, `40…`, has reached the browser). The server puts the socket in its user's room
 * (and an admin's in the admins' room) in the same turn as it sends that answer, so a change made
 * after this resolves reaches the page as a live update. Pages that show no sign of their connection (the customer
 * dashboard, the admin lists) need this before a test changes something server-side and expects
 * the open page to follow; call it before the navigation that opens the socket:
 *
 *     const connected = nextSocketConnection(page)
 *     await page.goto('/customer')
 *     await connected
 */
export function nextSocketConnection(page: Page): Promise<void> {
  let cleanup = () => {}
  const connected = new Promise<void>((resolve, reject) => {
    const onSocket = (socket: WebSocket) => {
      if (!socket.url().includes('/socket.io/')) return
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.startsWith('40')) {
          cleanup()
          resolve()
        }
      })
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`The page's socket did not connect within ${CONNECT_TIMEOUT_MS} ms`))
    }, CONNECT_TIMEOUT_MS)
    cleanup = () => {
      clearTimeout(timer)
      page.off('websocket', onSocket)
    }
    page.on('websocket', onSocket)
  })
  // A test that fails before awaiting it must not leave an unhandled rejection behind.
  connected.catch(() => {})
  return connected
}

/**
 * Counts the Socket.IO events (`42["name", …]`) each socket the page opens from now on receives,
 * so a test can wait until an event it cannot see on screen has reached the browser.
 */
export function countSocketEvents(page: Page): (event: string) => number {
  const counts = new Map<string, number>()
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/socket.io/')) return
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') return
      const name = /^42\d*\["([^"]+)"/.exec(payload)?.[1]
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1)
    })
  })
  return (event) => counts.get(event) ?? 0
}
