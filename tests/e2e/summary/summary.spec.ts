import { test as base, expect, type Page } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { type CapturedMail, startSmtpCapture } from '../../support/smtp-capture'
import { demo, signInThroughApi } from '../support/accounts'
import {
  collectPageErrors,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
} from '../support/page-checks'
import { customerAndMechanic } from '../support/people'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'

type Mail = CapturedMail

/**
 * Its own production server: sessions last 20 s so one runs out within the test, and email goes
 * to a real SMTP server this test runs, which records every message it is given.
 */
const test = base.extend<
  Record<never, never>,
  { mailbox: Mail[]; summaryServer: ProductionServer }
>({
  mailbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      await use([])
    },
    { scope: 'worker' },
  ],
  summaryServer: [
    async ({ mailbox }, use) => {
      const smtp = await startSmtpCapture(mailbox)
      const dataDir = makeDataDir('summary-e2e')
      const server = await startProductionServer({
        port: await freePort(),
        dataDir,
        env: {
          SESSION_SECONDS_OVERRIDE: '20',
          PRESENCE_GRACE_SECONDS: '2',
          SMTP_URL: smtp.url,
          LOG_LEVEL: 'warn',
        },
      })
      try {
        await use(server)
      } finally {
        await server.stop()
        removeDataDir(dataDir)
        await smtp.close()
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ summaryServer }, use) => {
    await use(summaryServer.url)
  },
})

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await expectNoHorizontalOverflow(page)
    await screenshot(page, `summary-${name}-${width}`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Mail bodies travel quoted-printable: soft line breaks and `=3D` undone. */
const unfolded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')

function pdfAttachmentOf(raw: string): Buffer {
  const part = raw.split(/\r?\n--/).find((piece) => piece.includes('application/pdf'))
  const body =
    part
      ?.split(/\r?\n\r?\n/)
      .slice(1)
      .join('') ?? ''
  return Buffer.from(body.replace(/\s+/g, ''), 'base64')
}

test('the mechanic writes the summary after the session, it is sent once, and the customer rates it', async ({
  browser,
  baseURL,
  mailbox,
}) => {
  test.setTimeout(240_000)
  const origin = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, origin)
  const errors = [...collectPageErrors(customer.page), ...collectPageErrors(mechanic.page)]

  const sessionId = await bookAndPay(customer, origin)
  const roomPath = await acceptThroughApi(mechanic, origin, sessionId)
  await mechanic.page.goto(roomPath)
  await customer.page.goto(roomPath)
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live', { timeout: 30_000 })
  }
  const photo = await sharp({
    create: { width: 800, height: 600, channels: 3, background: '#7c3aed' },
  })
    .jpeg()
    .toBuffer()
  const uploaded = await customer.context.request.post(
    `/api/sessions/${sessionId}/files?name=brake-rotor.jpg`,
    { data: photo, headers: { origin, 'content-type': 'image/jpeg' } },
  )
  expect(uploaded.status(), await uploaded.text()).toBe(201)

  // The clock runs out: the customer sees the end screen, the mechanic lands on the summary form.
  await expect(mechanic.page).toHaveURL(`/sessions/${sessionId}/summary`, { timeout: 60_000 })
  await expect(customer.page).toHaveURL(`/customer?ended=${sessionId}`, { timeout: 60_000 })
  const endScreen = customer.page.getByTestId('ended-session')
  await expect(endScreen.getByTestId('ended-summary-state')).toContainText(
    `${mechanic.name} is writing your summary`,
  )
  await expect(customer.page.getByLabel('Make')).toHaveValue('Mazda')
  await expectNoAxeViolations(customer.page, { include: 'main' })
  await shoot(customer.page, 'end-screen')

  const form = mechanic.page
  await expect(form.getByRole('heading', { name: 'Session summary' })).toBeVisible()
  await form.getByLabel('What you found').fill('Front pads worn to 2 mm; rotor scored.')
  await form
    .getByLabel('Steps taken during the session')
    .fill('Listened to the noise on video; checked the pads through the wheel.')
  await form.getByRole('radio', { name: 'Fix soon' }).check()
  await form.getByRole('button', { name: 'Add a part' }).click()
  await form.getByLabel('Part 1', { exact: true }).fill('Front brake pads')
  await form.getByLabel('Quantity').fill('2')
  await form.getByLabel('Estimated cost ($)').fill('45.99')
  await form.getByRole('button', { name: 'Add a part' }).click()
  await form.getByLabel('Part 2', { exact: true }).fill('Wrong part')
  await form.getByRole('button', { name: 'Remove part 2' }).click()
  await expect(form.getByTestId('part-row')).toHaveCount(1)
  await form.getByRole('checkbox', { name: 'brake-rotor.jpg' }).check()
  // A photo taken after the session: uploaded from the form and chosen at once. A document is not.
  await form.getByTestId('summary-photo-input').setInputFiles({
    name: 'notes.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  })
  const refused = form.getByRole('alert').filter({ hasText: 'Only photos can be added here' })
  await expect(refused).toBeVisible()
  const quote = await sharp({
    create: { width: 640, height: 480, channels: 3, background: '#0ea5e9' },
  })
    .png()
    .toBuffer()
  await form
    .getByTestId('summary-photo-input')
    .setInputFiles({ name: 'repair-quote.png', mimeType: 'image/png', buffer: quote })
  await expect(form.getByRole('checkbox', { name: 'repair-quote.png' })).toBeChecked()
  await expect(refused).toHaveCount(0)
  await expect(form.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 })

  // Reload mid-way: the draft is on the server.
  await form.reload()
  await expect(form.getByLabel('What you found')).toHaveValue(
    'Front pads worn to 2 mm; rotor scored.',
  )
  await expect(form.getByLabel('Part 1', { exact: true })).toHaveValue('Front brake pads')
  await expect(form.getByLabel('Estimated cost ($)')).toHaveValue('45.99')
  await expect(form.getByRole('radio', { name: 'Fix soon' })).toBeChecked()
  await expect(form.getByRole('checkbox', { name: 'brake-rotor.jpg' })).toBeChecked()
  await expect(form.getByRole('checkbox', { name: 'repair-quote.png' })).toBeChecked()
  await expect(form.getByTestId('part-row')).toHaveCount(1)
  await form
    .getByLabel('Recommended next steps')
    .fill('Replace the front pads and rotors this week.')
  await expect(form.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 })
  await expectNoAxeViolations(form, { include: 'main' })
  await shoot(form, 'summary-form')

  // A second tab with the same form, then both submit: one is sent, the other is told.
  const otherTab = await mechanic.context.newPage()
  await otherTab.goto(`/sessions/${sessionId}/summary`)
  await expect(otherTab.getByLabel('Recommended next steps')).toHaveValue(
    'Replace the front pads and rotors this week.',
  )
  await form.getByRole('button', { name: `Send to ${customer.name}` }).click()
  await expect(form.getByText(`Sent to ${customer.name}. It cannot be changed now.`)).toBeVisible()
  await otherTab.getByRole('button', { name: `Send to ${customer.name}` }).click()
  await expect(
    otherTab.getByRole('alert').filter({ hasText: 'This summary was already sent' }),
  ).toBeVisible()
  await otherTab.close()

  // The customer: "Summary ready" on the dashboard, the summary on the session's page.
  await customer.page.goto('/customer')
  const row = customer.page.locator(`[data-session-id="${sessionId}"]`)
  await expect(row.getByTestId('summary-ready')).toHaveText('Summary ready')
  await row.getByTestId('summary-ready').click()
  await expect(customer.page).toHaveURL(`/sessions/${sessionId}`)
  const document = customer.page.getByTestId('summary-document')
  await expect(document).toContainText('Front pads worn to 2 mm; rotor scored.')
  await expect(document).toContainText('Fix soon')
  await expect(document).toContainText('Front brake pads')
  await expect(document).toContainText('$91.98')
  await expect(document.getByRole('img', { name: 'brake-rotor.jpg' })).toBeVisible()
  await expect(document.getByRole('img', { name: 'repair-quote.png' })).toBeVisible()
  await expectNoAxeViolations(customer.page, { include: 'main' })
  await shoot(customer.page, 'customer-summary')

  // Exactly one summary email, with the link back and the PDF.
  // The customer also gets a receipt and the accept email; only the summary counts here.
  const summaryMails = () =>
    mailbox.filter(
      (mail) =>
        mail.to.includes(customer.email) &&
        unfolded(mail.raw).includes('Subject: Your session summary'),
    )
  await expect.poll(() => summaryMails().length, { timeout: 30_000 }).toBe(1)
  const raw = unfolded(summaryMails()[0]?.raw ?? '')
  expect(raw).toContain('Subject: Your session summary: 2014 Mazda 3')
  expect(raw).toContain(`${origin}/sessions/${sessionId}`)
  expect(raw).toContain('Front pads worn to 2 mm; rotor scored.')
  const pdf = await PDFDocument.load(pdfAttachmentOf(raw))
  expect(pdf.getTitle()).toBe('Session summary: 2014 Mazda 3')

  // The customer rates once, from the end screen.
  await customer.page.goto(`/customer?ended=${sessionId}`)
  await expect(endScreen.getByTestId('ended-summary-state')).toContainText('Your summary is ready')
  // People click the star's label; the radio inside it is visually hidden.
  await endScreen
    .locator('label')
    .filter({ has: customer.page.getByRole('radio', { name: '4 stars' }) })
    .click()
  await expect(endScreen.getByRole('radio', { name: '4 stars' })).toBeChecked()
  await endScreen.getByLabel('Comment').fill('Clear and quick, thank you!')
  await endScreen.getByRole('button', { name: 'Send rating' }).click()
  await expect(endScreen.getByTestId('session-rating')).toContainText('4 of 5 stars')
  const again = await customer.context.request.post(`/api/sessions/${sessionId}/rating`, {
    data: { stars: 1 },
    headers: { origin },
  })
  expect(again.status()).toBe(409)
  await mechanic.page.goto('/mechanic')
  await expect(mechanic.page.getByTestId('average-rating')).toContainText(
    'Your average rating: 4.0 of 5 from 1 session',
  )

  // Support reads every rating: who gave it, to whom, for which session.
  const support = await browser.newContext({ baseURL: origin })
  await signInThroughApi(support.request, origin, demo.admin)
  const supportPage = await support.newPage()
  await supportPage.goto('/admin/ratings')
  const listed = supportPage
    .getByRole('list', { name: 'Ratings, newest first' })
    .getByRole('listitem')
    .filter({ hasText: `${customer.name} rated ${mechanic.name}` })
  await expect(listed).toContainText('4 of 5 stars')
  await expect(listed).toContainText('“Clear and quick, thank you!”')
  await expect(listed.getByRole('link', { name: '2014 Mazda 3' })).toHaveAttribute(
    'href',
    `/sessions/${sessionId}`,
  )
  await expectNoAxeViolations(supportPage)
  await shoot(supportPage, 'admin-ratings')
  await support.close()

  expect(summaryMails()).toHaveLength(1)
  expect(errors).toEqual([])
  await customer.context.close()
  await mechanic.context.close()
})
