import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test, type WebSocketRoute } from '@playwright/test'
import { expectNoHorizontalOverflow } from '../support/page-checks'
import { customerAndMechanic, newCustomer } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'

/** How many frames the remote video has decoded so far (0 before the first). */
function framesDecoded(page: Page): Promise<number> {
  return page.getByTestId('remote-video').evaluate((element) => {
    const video = element as HTMLVideoElement
    return video.videoWidth > 0 ? (video.getVideoPlaybackQuality().totalVideoFrames ?? 0) : 0
  })
}

/**
 * The remote video shows a picture, and new frames keep arriving. A call connects in a few
 * seconds on an idle machine; the budget is for one running two suites and their browsers.
 */
async function expectFramesFlowing(page: Page): Promise<void> {
  await expect.poll(() => framesDecoded(page), { timeout: 90_000 }).toBeGreaterThan(0)
  const before = await framesDecoded(page)
  await expect.poll(() => framesDecoded(page), { timeout: 30_000 }).toBeGreaterThan(before)
  const width = await page
    .getByTestId('remote-video')
    .evaluate((element) => (element as HTMLVideoElement).videoWidth)
  expect(width).toBeGreaterThan(0)
}

/**
 * Lets a test cut the page's realtime socket, as a network blip does, and hold its reconnects
 * back until `restore()`. Call before `page.goto`.
 */
async function cuttableSocket(page: Page): Promise<{ cut: () => { restore: () => void } }> {
  let open: WebSocketRoute | null = null
  let held: Promise<void> | null = null
  await page.routeWebSocket(/\/socket\.io\//, async (socket) => {
    if (held) await held
    socket.connectToServer()
    open = socket
  })
  return {
    cut: () => {
      let restore = () => {}
      held = new Promise<void>((resolve) => {
        restore = resolve
      })
      void open?.close()
      return {
        restore: () => {
          held = null
          restore()
        },
      }
    },
  }
}

async function passDeviceCheck(page: Page): Promise<void> {
  const check = page.getByTestId('device-check')
  await expect(check.getByText('Camera works')).toBeVisible({ timeout: 20_000 })
  await check.getByRole('button', { name: 'Join the call' }).click()
  await expect(page.getByTestId('video-call')).toBeVisible()
}

test('two participants pass the device check and see each other; the picture flows both ways', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'video')
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)
  const customerSocket = await cuttableSocket(customer.page)

  await customer.page.goto(roomPath)
  await mechanic.page.goto(roomPath)
  // Join stays closed until the camera and microphone have been seen to work.
  await expect(customer.page.getByTestId('device-check')).toBeVisible()
  await screenshot(customer.page, 'video-device-check-1280')
  const checkAxe = await new AxeBuilder({ page: customer.page }).include('main').analyze()
  expect(checkAxe.violations.map((violation) => violation.id)).toEqual([])

  await passDeviceCheck(customer.page)
  await passDeviceCheck(mechanic.page)

  await expectFramesFlowing(customer.page)
  await expectFramesFlowing(mechanic.page)
  await expect(customer.page.getByTestId('call-quality')).toHaveText(
    /Connection: (good|weak|poor)/,
    {
      timeout: 15_000,
    },
  )
  await screenshot(customer.page, 'video-call-1280')
  // On a phone the call fits the width and the picture keeps flowing.
  await mechanic.page.setViewportSize({ width: 375, height: 812 })
  await expectNoHorizontalOverflow(mechanic.page)
  await expectFramesFlowing(mechanic.page)
  await screenshot(mechanic.page, 'video-call-375')

  // The customer's connection to the server drops for a while: the page says so, the call goes
  // on between the two browsers, and the page rejoins by itself once it can, without a reload.
  await customer.page.evaluate(() => {
    document.body.dataset.sameDocument = 'yes'
  })
  const lost = customer.page.getByText('Connection lost — reconnecting…')
  const cut = customerSocket.cut()
  await expect(lost).toBeVisible()
  await expectFramesFlowing(customer.page)
  await expectFramesFlowing(mechanic.page)
  cut.restore()
  await expect(lost).toHaveCount(0)
  await expect(customer.page.getByTestId('room-status')).toHaveText('Live')
  await expectFramesFlowing(customer.page)
  await expectFramesFlowing(mechanic.page)
  expect(await customer.page.evaluate(() => document.body.dataset.sameDocument)).toBe('yes')

  await customer.context.close()
  await mechanic.context.close()
})

test('without camera permission nobody can join, and the page says how to allow it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const base = String(baseURL)
  const customer = await newCustomer(browser, base)
  // The browser's fake-UI flag grants every request, so this page refuses as a blocked camera does.
  await customer.context.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
  })
  const { mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'video')
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)

  await customer.page.goto(roomPath)
  const check = customer.page.getByTestId('device-check')
  await expect(check.getByTestId('device-problem')).toContainText('blocking the camera')
  await expect(check.getByRole('button', { name: 'Join the call' })).toBeDisabled()
  await expect(check.getByRole('button', { name: 'Retry' })).toBeVisible()
  await customer.page.setViewportSize({ width: 375, height: 812 })
  await screenshot(customer.page, 'video-device-denied-375')
  const axe = await new AxeBuilder({ page: customer.page }).include('main').analyze()
  expect(
    axe.violations.map((violation) => `${violation.id} ${violation.nodes[0]?.target}`),
  ).toEqual([])
  await customer.context.close()
  await mechanic.context.close()
})

test('a call whose signals were lost on the way starts over by itself and connects', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'video')
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)

  // The offers and answers the customer's page sends in its first attempt at the call are lost
  // between page and server, its network candidates pass: the network path between the two can
  // come up while the encrypted link never does. From its next `rtc:join` on, everything passes.
  let callJoins = 0
  let lostSignals = 0
  await customer.page.routeWebSocket(/\/socket\.io\//, (page) => {
    const server = page.connectToServer()
    page.onMessage((message) => {
      if (typeof message === 'string' && /^42\d*\["rtc:join"/.test(message)) callJoins += 1
      const description =
        typeof message === 'string' && /^42\d*\["rtc:signal".*"description"/.test(message)
      if (description && callJoins < 2) {
        lostSignals += 1
        return
      }
      server.send(message)
    })
  })

  await customer.page.goto(roomPath)
  await mechanic.page.goto(roomPath)
  await passDeviceCheck(customer.page)
  await expect(customer.page.getByTestId('video-call')).toContainText(
    `Waiting for ${mechanic.name} to join`,
  )
  await screenshot(customer.page, 'video-waiting-for-peer-1280')
  await passDeviceCheck(mechanic.page)
  await expect.poll(() => lostSignals).toBeGreaterThan(0)

  await expectFramesFlowing(customer.page)
  await expectFramesFlowing(mechanic.page)
  expect(callJoins).toBeGreaterThanOrEqual(2)
  await customer.context.close()
  await mechanic.context.close()
})
