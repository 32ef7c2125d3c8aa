import { expect, test } from '@playwright/test'
import { customerAndMechanic } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'

/*
 * A join the server refuses for a passing reason (the database busy for a moment) leaves the
 * participant on "Could not join" with a "Try again" button. The button asks again over the open
 * socket: the page is not reloaded, so nothing typed is lost.
 */
test('after a refused join, Try again joins the room without reloading the page', async ({
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? ''
  const { customer, mechanic } = await customerAndMechanic(browser, origin)
  const sessionId = await bookAndPay(customer, origin)
  const roomPath = await acceptThroughApi(mechanic, origin, sessionId)

  // Between page and server, the first `session:join` is answered with the server's own error
  // shape instead of being passed on; everything else flows as usual.
  let refused = 0
  await customer.page.routeWebSocket(/\/socket\.io\//, (page) => {
    const server = page.connectToServer()
    page.onMessage((message) => {
      const join = typeof message === 'string' && /^42(\d+)\["session:join"/.exec(message)
      if (join && refused === 0) {
        refused += 1
        page.send(
          `43${join[1]}[${JSON.stringify({ ok: false, error: { code: 'internal', message: 'Something went wrong' } })}]`,
        )
        return
      }
      server.send(message)
    })
  })

  await customer.page.goto(roomPath)
  const status = customer.page.getByTestId('room-status')
  await expect(status).toHaveText('Could not join the session')
  await expect(
    customer.page.getByText('Could not join this session: Something went wrong'),
  ).toBeVisible()
  // A reload would drop this marker with the rest of the page.
  await customer.page.evaluate(() => {
    document.body.dataset.sameDocument = 'yes'
  })

  await customer.page.getByRole('button', { name: 'Try again' }).click()
  await expect(status).toHaveText(`Waiting for ${mechanic.name} to join…`)
  await mechanic.page.goto(roomPath)
  await expect(status).toHaveText('Live')
  await expect(customer.page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  expect(await customer.page.evaluate(() => document.body.dataset.sameDocument)).toBe('yes')
  expect(refused).toBe(1)
})
