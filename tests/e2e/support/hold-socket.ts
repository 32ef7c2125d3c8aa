import type { Page } from '@playwright/test'

/**
 * Holds the page's realtime socket back until `release()` is called, the way a slow phone network
 * delays it: the page renders, but its WebSocket reaches the server only later. Anything that
 * changes in between must still show once it connects. Call before `page.goto`.
 */
export async function holdSocket(page: Page): Promise<{ release: () => void }> {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.routeWebSocket(/\/socket\.io\//, async (socket) => {
    await released
    socket.connectToServer()
  })
  return { release }
}
