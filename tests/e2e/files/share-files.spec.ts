import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { collectPageErrors, expectNoHorizontalOverflow } from '../support/page-checks'
import { customerAndMechanic, newCustomer } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { expect, test } from './files-server'

const MB = 1024 * 1024
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A dashboard photo as a phone takes it: with the GPS position of where it was taken. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: '#d97706' } })
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Camera 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 2600/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 3900/100',
      },
    })
    .toBuffer()
}

function pdf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n% scan report\n'), randomBytes(size)])
}

/**
 * The room's Attach button takes these files (the picker's input, as a user picks them). They are
 * written to disk first: the browser reads a path itself instead of megabytes over the protocol.
 */
async function attach(page: Page, files: { name: string; buffer: Buffer }[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'autodoctor-attach-'))
  const paths = files.map((file) => {
    const target = path.join(dir, file.name)
    writeFileSync(target, file.buffer)
    return target
  })
  await page.getByTestId('attach-input').setInputFiles(paths)
}

/** Uploads crawl at this rate, so progress and Cancel can be seen and used. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  })
  return () =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
}

test('both participants share files in the room: progress, at once for both, persisted, downloads, refusals, strangers, expiry', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const errors = [...collectPageErrors(customer.page), ...collectPageErrors(mechanic.page)]
  await customer.page.setViewportSize({ width: 1280, height: 800 })
  await mechanic.page.setViewportSize({ width: 375, height: 740 })
  const sessionId = await bookAndPay(customer, base)
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)
  await customer.page.goto(roomPath)
  await mechanic.page.goto(roomPath)
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live')
  }

  // The customer attaches a photo and a PDF at once, each with its progress bar.
  const photo = await photoWithGps()
  expect((await sharp(photo).metadata()).exif).toBeDefined()
  const report = pdf(3 * MB)
  const unthrottle = await throttleUploads(customer.page, 1.5 * MB)
  await attach(customer.page, [
    { name: 'dash-warning.jpg', buffer: photo },
    { name: 'scan-report.pdf', buffer: report },
  ])
  const progress = customer.page.getByRole('progressbar', { name: 'Uploading scan-report.pdf' })
  await expect(progress).toBeVisible()
  await expect(
    customer.page.getByTestId('upload-progress').filter({ hasText: 'scan-report.pdf' }),
  ).toContainText(/ \/ 3\.0 MB/)
  await expect(progress).toHaveCount(0, { timeout: 20_000 })
  await unthrottle()

  // The mechanic sees both without doing anything: the photo as a thumbnail, the PDF as a card.
  const thumbnail = mechanic.page.getByRole('img', { name: 'Photo: dash-warning.jpg' })
  await expect(thumbnail).toBeVisible()
  await expect
    .poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)
  const pdfCard = mechanic.page.getByTestId('shared-file').filter({ hasText: 'scan-report.pdf' })
  await expect(pdfCard).toContainText('PDF document · 3.0 MB')
  await expect(pdfCard).toContainText(customer.name)
  await expect(mechanic.page.getByText('?? Attachment')).toHaveCount(0)

  // Reload: still there.
  await mechanic.page.reload()
  await expect(mechanic.page.getByTestId('room-status')).toHaveText('Live')
  await expect(thumbnail).toBeVisible()
  await expect(pdfCard).toBeVisible()

  // Download gives the very bytes uploaded.
  const downloading = mechanic.page.waitForEvent('download')
  await pdfCard.getByRole('link', { name: 'Download scan-report.pdf' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('scan-report.pdf')
  expect(sha256(readFileSync(await download.path()))).toBe(sha256(report))

  // The photo as stored carries no EXIF (no GPS); the full-size link opens it.
  const photoPath = await mechanic.page
    .getByRole('link', { name: 'Open dash-warning.jpg full size' })
    .getAttribute('href')
  const fullSize = await mechanic.context.request.get(String(photoPath))
  expect(fullSize.status()).toBe(200)
  const stored = await sharp(await fullSize.body()).metadata()
  expect(stored.exif).toBeUndefined()
  expect(stored.width).toBe(1200)

  // Dropped onto the conversation works too.
  const notes = await customer.page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(
      new File(['P0301 cylinder 1 misfire\n'], 'codes.txt', { type: 'text/plain' }),
    )
    return transfer
  })
  const conversation = customer.page.getByRole('log', { name: 'Conversation' })
  await conversation.dispatchEvent('dragenter', { dataTransfer: notes })
  await expect(customer.page.getByText('Drop files to share them')).toBeVisible()
  await conversation.dispatchEvent('drop', { dataTransfer: notes })
  await expect(
    mechanic.page.getByTestId('shared-file').filter({ hasText: 'codes.txt' }),
  ).toContainText('Text file')

  // Cancel stops an upload; nobody ever sees that file.
  const stopUploads = await throttleUploads(customer.page, 256 * 1024)
  await attach(customer.page, [{ name: 'long-video.pdf', buffer: pdf(4 * MB) }])
  await expect(
    customer.page.getByRole('progressbar', { name: 'Uploading long-video.pdf' }),
  ).toBeVisible()
  await customer.page.getByRole('button', { name: 'Cancel uploading long-video.pdf' }).click()
  await expect(customer.page.getByTestId('upload-progress')).toHaveCount(0)
  await stopUploads()

  // Too large: refused before sending, and by the server if sent anyway.
  await attach(customer.page, [{ name: 'engine-noise.mp4', buffer: Buffer.alloc(11 * MB, 1) }])
  await expect(customer.page.getByTestId('upload-error')).toContainText(
    'engine-noise.mp4 is 11 MB; files can be at most 10 MB.',
  )
  const tooBig = await customer.context.request.post(
    `/api/sessions/${sessionId}/files?name=big.pdf`,
    {
      data: pdf(11 * MB),
      headers: { origin: base, 'content-type': 'application/pdf' },
    },
  )
  expect(tooBig.status()).toBe(413)
  expect((await tooBig.json()).error.message).toBe('Files can be at most 10 MB')

  // An .exe renamed .jpg passes the browser's check by name, and the server refuses it by content.
  const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(40_000)])
  await attach(customer.page, [{ name: 'photo.jpg', buffer: exe }])
  await expect(
    customer.page.getByTestId('upload-error').filter({ hasText: 'photo.jpg' }),
  ).toContainText(
    "photo.jpg: This kind of file can't be shared. You can share photos (JPEG, PNG, WebP), PDF",
  )
  await expect(mechanic.page.getByTestId('shared-file')).toHaveCount(3)

  await expectNoHorizontalOverflow(mechanic.page)
  await screenshot(customer.page, 'files-room-1280')
  await screenshot(mechanic.page, 'files-room-375')
  const axe = await new AxeBuilder({ page: customer.page }).include('main').analyze()
  expect(
    axe.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([])

  // A third user gets 404 on the file, its thumbnail and the list, and a bare content URL 403.
  const fileId = String(photoPath).split('/')[3]?.split('?')[0]
  const stranger = await newCustomer(browser, base, 'Sam')
  for (const path of [
    `/api/files/${fileId}`,
    `/api/files/${fileId}?variant=thumbnail`,
    `/api/sessions/${sessionId}/files`,
  ]) {
    const response = await stranger.context.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(404)
  }
  const guessed = await stranger.context.request.get(`/api/files/${fileId}/content`)
  expect(guessed.status()).toBe(403)

  // A signed URL works at once and no more after its expiry (10 s on this server).
  const minted = await mechanic.context.request.get(`/api/files/${fileId}`, { maxRedirects: 0 })
  expect(minted.status()).toBe(302)
  const signed = String(minted.headers().location)
  expect((await stranger.context.request.get(signed)).status()).toBe(200)
  await expect
    .poll(async () => (await mechanic.context.request.get(signed)).status(), { timeout: 30_000 })
    .toBe(403)
  expect((await (await mechanic.context.request.get(signed)).json()).error.message).toContain(
    'expired',
  )
  const forged = signed.replace(
    /expires=(\d+)/,
    (_, expires) => `expires=${Number(expires) + 3600}`,
  )
  expect((await mechanic.context.request.get(forged)).status()).toBe(403)

  // The session page lists the files for its participants.
  await mechanic.page.goto(`/sessions/${sessionId}`)
  const listed = mechanic.page.getByRole('list', { name: 'Shared files' })
  await expect(listed.getByTestId('session-file')).toHaveCount(3)
  await expect(listed).toContainText('scan-report.pdf')
  await expect(listed.getByRole('img', { name: 'Photo: dash-warning.jpg' })).toBeVisible()
  await screenshot(mechanic.page, 'files-session-page-375')

  expect(errors).toEqual([])
  await stranger.context.close()
})
