import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { getSessionUser } from '@/features/auth/session-user'
import { extensionOptions, planIds } from '@/features/catalogue/catalogue'
import { specialtyOptions } from '@/features/mechanics/schemas'
import { paymentsProvider } from '@/features/payments/provider'
import { signWebhookPayload } from '@/features/payments/verify-webhook'
import { errorStatus } from '@/lib/errors'
import {
  type ApiRoute,
  dispatch,
  type HttpMethod,
  httpMethods,
  loadApiRoutes,
} from '../support/api-routes'
import {
  anyString,
  bigJson,
  contentLengths,
  contentTypes,
  fuzzRuns,
  fuzzSeed,
  headerText,
  idFrom,
  jsonValue,
  rawBodies,
  secFetchSites,
} from '../support/fuzz-inputs'
import { acceptAs, openBooking, payForBooking, testVehicle } from '../support/sessions'
import {
  startTestApp,
  type TestApp,
  type TestUser,
  uniqueEmail,
  uniqueIp,
} from '../support/test-app'

/**
 * Thousands of generated requests over every route under src/app/api and every method, as every
 * kind of caller, with hostile ids, query strings, headers and bodies. None may answer 5xx, every
 * error keeps its documented shape, and the app still answers afterwards. `FUZZ_RUNS` sets the
 * count, `FUZZ_SEED` replays a failure (its seed is printed with the failing request).
 */

const RUNS = fuzzRuns(2_000)

const callers = [
  'signed-out',
  'customer',
  'other-customer',
  'mechanic',
  'unapproved-mechanic',
  'admin',
  'forged',
] as const
type Caller = (typeof callers)[number]

// Accounts are made with real password hashing: slow on a busy two-core machine.
const SETUP_TIMEOUT_MS = 180_000

let app: TestApp
let routes: ApiRoute[]
let origin: string
let authPaths: string[]
const users = new Map<Caller, TestUser>()
let knownIds: string[]

beforeAll(async () => {
  app = await startTestApp()
  origin = new URL(app.context.env.appUrl).origin
  routes = await loadApiRoutes()
  authPaths = authEndpointPaths()
  answerOwnRequestsInProcess()

  const [customer, otherCustomer, mechanic, unapproved, admin] = await Promise.all([
    app.createUser({ role: 'customer' }),
    app.createUser({ role: 'customer' }),
    app.createUser({ role: 'mechanic' }),
    app.createUser({ role: 'mechanic', approved: false }),
    app.createUser({ role: 'admin' }),
  ])
  users.set('customer', customer)
  users.set('other-customer', otherCustomer)
  users.set('mechanic', mechanic)
  users.set('unapproved-mechanic', unapproved)
  users.set('admin', admin)

  // A taken session, another customer's waiting request, and an unpaid checkout: real ids for
  // the fuzzer to aim at, owned by some callers and foreign to the others.
  const unpaid = await openBooking(app, customer)
  if (unpaid.status !== 201) throw new Error(`booking failed: ${unpaid.status}`)
  const taken = await payForBooking(app, customer)
  await acceptAs(app, mechanic, taken.sessionId)
  const waiting = await payForBooking(app, otherCustomer)
  knownIds = [
    taken.sessionId,
    taken.checkoutId,
    waiting.sessionId,
    waiting.checkoutId,
    unpaid.body.checkout.checkoutId,
    ...[customer, otherCustomer, mechanic, unapproved, admin].map((user) => user.id),
  ]
}, SETUP_TIMEOUT_MS)

afterAll(async () => {
  vi.restoreAllMocks()
  await app?.close()
})

/**
 * The app calls itself over HTTP at APP_URL (the local checkout's Pay posts to the webhook route).
 * No server listens there in this test, so those requests take the same in-process route.
 */
function answerOwnRequestsInProcess(): void {
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const req = new Request(input, init)
    if (new URL(req.url).origin !== origin) return realFetch(input, init)
    return (await dispatch(routes, req)).response
  })
}

/** The auth library's own endpoints, read from the library so new ones are fuzzed too. */
function authEndpointPaths(): string[] {
  const paths = Object.values(app.context.auth.api as Record<string, unknown>).flatMap(
    (endpoint) => {
      const path = (endpoint as { path?: unknown }).path
      return typeof path === 'string' ? [path] : []
    },
  )
  return [...new Set(paths)]
}

type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'big'; bytes: number }

type RequestSpec = {
  method: string
  path: string
  query: string
  caller: Caller
  origin: string | undefined
  secFetchSite: string | undefined
  contentType: string | undefined
  contentLength: string | undefined
  signature: 'none' | 'garbage' | 'valid' | 'stale'
  body: BodySpec
}

function pathSegment(value: string, encoding: 'encoded' | 'raw'): string {
  if (encoding === 'raw') return value
  try {
    return encodeURIComponent(value)
  } catch {
    // A lone surrogate cannot be encoded; send it as it is.
    return value
  }
}

const percentGarbage = fc.constantFrom('%', '%f', '%ff', '%E0%A4%A', '%C0%AF', '%00', '%2F', '%%')

function pathFor(route: ApiRoute): fc.Arbitrary<string> {
  const segment = (id: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(id, fc.constantFrom('encoded' as const, 'raw' as const)) },
      { weight: 1, arbitrary: percentGarbage.map((g) => [g, 'raw' as const] as const) },
    )
  const parts = route.segments.map((part) => {
    if (part.kind === 'static') return fc.constant(part.name)
    if (part.kind === 'dynamic') {
      return segment(idFrom(knownIds)).map(([value, encoding]) => pathSegment(value, encoding))
    }
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...authPaths).map((path) => path.slice(1)) },
      {
        weight: 1,
        arbitrary: fc
          .array(segment(anyString), { minLength: 1, maxLength: 3 })
          .map((list) => list.map(([value, encoding]) => pathSegment(value, encoding)).join('/')),
      },
    )
  })
  return fc.tuple(...parts).map((list) => `/${list.join('/')}`)
}

const queryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom('status', 'after', 'callbackURL', 'token', 'id'), anyString),
          fc.oneof(fc.constantFrom('live', 'pending', '-1', '10', ''), anyString),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((pairs) => {
        try {
          return `?${new URLSearchParams(pairs).toString()}`
        } catch {
          return '?'
        }
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom('?%', '?a=%ff', '?status=%00', '?after=1e400', '?&&=') },
)

/** Bodies shaped like what a route expects, with some fields swapped for hostile values. */
function nearValidBodies(): fc.Arbitrary<unknown> {
  const templates: Record<string, unknown>[] = [
    { plan: planIds[0], vehicle: testVehicle, concern: 'Grinding noise' },
    { option: Object.keys(extensionOptions)[0] },
    {
      name: 'Fuzz Mechanic',
      email: uniqueEmail('fuzz'),
      password: 'password-123',
      yearsExperience: 3,
      specialties: [specialtyOptions[0]],
    },
    { name: 'Fuzz Person', email: uniqueEmail('fuzz'), password: 'password-123' },
    { name: 'New Name', image: 'https://example.com/a.png' },
    { currentPassword: 'password-123', newPassword: 'password-456', revokeOtherSessions: true },
    { token: 'abc', newPassword: 'password-456', callbackURL: '/dashboard' },
  ]
  const keys = [...new Set(templates.flatMap((template) => Object.keys(template)))]
  return fc
    .tuple(
      fc.constantFrom(...templates),
      fc.dictionary(fc.constantFrom(...keys, 'year', 'make', 'model'), jsonValue(anyString, 2), {
        maxKeys: 2,
      }),
    )
    .map(([template, overrides]) => ({ ...template, ...overrides }))
}

/** A payment event as the provider would send it, with fields a forged one might carry. */
function stripeEvents(): fc.Arbitrary<unknown> {
  const amount = fc.oneof(fc.constantFrom(999, 1499, 0, -1, null), fc.integer(), fc.double())
  return fc.record({
    id: fc.oneof(
      fc.uuid().map((id) => `evt_${id}`),
      anyString,
    ),
    type: fc.oneof(
      fc.constantFrom('checkout.session.completed', 'checkout.session.expired', 'charge.refunded'),
      anyString,
    ),
    data: fc.record({
      object: fc.record(
        {
          id: fc.oneof(fc.constant('cs_local'), anyString),
          payment_status: fc.constantFrom('paid', 'unpaid', 'no_payment_required'),
          amount_total: amount,
          currency: fc.oneof(fc.constantFrom('usd', 'eur', null), anyString),
          client_reference_id: fc.option(idFrom(knownIds)),
          metadata: fc.option(
            fc.dictionary(
              fc.constantFrom('checkoutId', 'kind', 'sessionId', 'option', '__proto__'),
              fc.oneof(idFrom(knownIds), jsonValue(anyString, 1)),
            ),
          ),
          payment_intent: fc.option(fc.oneof(anyString, fc.record({ id: anyString }))),
        },
        { requiredKeys: [] },
      ),
    }),
  })
}

function bodyArb(): fc.Arbitrary<BodySpec> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 4,
      arbitrary: jsonValue(anyString).map((value) => ({ kind: 'json' as const, value })),
    },
    { weight: 6, arbitrary: nearValidBodies().map((value) => ({ kind: 'json' as const, value })) },
    { weight: 2, arbitrary: stripeEvents().map((value) => ({ kind: 'json' as const, value })) },
    { weight: 3, arbitrary: rawBodies.map((text) => ({ kind: 'raw' as const, text })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 900_000, max: 1_100_000 })
        .map((bytes) => ({ kind: 'big' as const, bytes })),
    },
  )
}

function requestArb(): fc.Arbitrary<RequestSpec> {
  const target = fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constantFrom(...routes).chain((route) => {
        const exported = Object.keys(route.handlers) as HttpMethod[]
        const method = fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...exported) },
          { weight: 1, arbitrary: fc.constantFrom<string>(...httpMethods, 'PROPFIND', 'get') },
        )
        return fc.tuple(method, pathFor(route))
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom<string>(...httpMethods),
        fc
          .array(fc.oneof(anyString, percentGarbage), { minLength: 0, maxLength: 4 })
          .map((parts) => `/api/${parts.map((part) => pathSegment(part, 'raw')).join('/')}`),
      ),
    },
  )
  return fc
    .record({
      target,
      query: queryArb,
      caller: fc.constantFrom(...callers),
      origin: fc.oneof(
        { weight: 10, arbitrary: fc.constant(origin) },
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            undefined,
            'null',
            'https://evil.example',
            `${origin}.evil.example`,
            origin.replace('http:', 'https:'),
          ),
        },
        { weight: 1, arbitrary: headerText },
      ),
      secFetchSite: fc.constantFrom(...secFetchSites),
      contentType: fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        { weight: 3, arbitrary: fc.constantFrom(...contentTypes) },
        { weight: 1, arbitrary: headerText },
      ),
      contentLength: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(...contentLengths) },
      ),
      signature: fc.constantFrom(
        'none' as const,
        'garbage' as const,
        'valid' as const,
        'stale' as const,
      ),
      body: bodyArb(),
    })
    .map(({ target: [method, path], ...rest }) => ({ method, path, ...rest }))
}

function bodyText(body: BodySpec): string | undefined {
  switch (body.kind) {
    case 'none':
      return undefined
    case 'json':
      return JSON.stringify(body.value) ?? 'null'
    case 'raw':
      return body.text
    case 'big':
      return bigJson(body.bytes)
  }
}

function cookieOf(caller: Caller): string | undefined {
  if (caller === 'signed-out') return undefined
  if (caller === 'forged') {
    const real = users.get('customer')?.cookie ?? ''
    // The customer's session token with its signature cut: a cookie that was tampered with.
    return real.replace(/\.[^.;]*(;|$)/, '.forged$1')
  }
  return users.get(caller)?.cookie
}

function toRequest(spec: RequestSpec): Request {
  const headers = new Headers({ 'x-autodoctor-client-ip': app.clientIp })
  const cookie = cookieOf(spec.caller)
  if (cookie) headers.set('cookie', cookie)
  if (spec.origin !== undefined) headers.set('origin', spec.origin)
  if (spec.secFetchSite) headers.set('sec-fetch-site', spec.secFetchSite)
  if (spec.contentType !== undefined) headers.set('content-type', spec.contentType)
  if (spec.contentLength !== undefined) headers.set('content-length', spec.contentLength)
  const canHaveBody = !['GET', 'HEAD'].includes(spec.method.toUpperCase())
  const text = canHaveBody ? bodyText(spec.body) : undefined
  if (spec.signature !== 'none') {
    const secret = paymentsProvider().webhookSecret
    const signature =
      spec.signature === 'garbage'
        ? 't=1,v1=00'
        : signWebhookPayload(
            text ?? '',
            secret,
            spec.signature === 'stale' ? Math.floor(Date.now() / 1000) - 3_600 : undefined,
          )
    headers.set('stripe-signature', signature)
  }
  return new Request(`${origin}${spec.path}${spec.query}`, {
    method: spec.method,
    headers,
    body: text,
  })
}

/** After an auth request, a caller whose sign-in was ended (sign-out, revoke) signs in again. */
async function keepCallersSignedIn(caller: Caller): Promise<void> {
  const user = users.get(caller)
  if (!user) return
  if (await getSessionUser(new Headers({ cookie: user.cookie }))) return
  const signedIn = await app.signIn(user, { ip: uniqueIp() })
  if (signedIn.status !== 200) throw new Error(`could not sign ${caller} in again`)
  users.set(caller, { ...user, cookie: signedIn.cookie })
}

const ourCodes = Object.keys(errorStatus)

function describeSpec(spec: RequestSpec): string {
  const body = bodyText(spec.body)
  return `${spec.method} ${spec.path}${spec.query} as ${spec.caller}, body ${
    body === undefined ? 'none' : JSON.stringify(body.slice(0, 300))
  }`
}

describe('fuzzing every API route', () => {
  test(
    `${RUNS} generated requests: no 5xx, every error in its documented shape`,
    async () => {
      const statuses = new Map<number, number>()
      const reached = new Set<string>()
      let unsendable = 0
      const seed = fuzzSeed() ?? Math.floor(Math.random() * 2 ** 31)
      const started = performance.now()

      await fc.assert(
        fc.asyncProperty(requestArb(), async (spec) => {
          let req: Request
          try {
            req = toRequest(spec)
          } catch {
            // No HTTP client can send this (e.g. a header value fetch refuses): nothing to test.
            unsendable++
            return
          }
          const dispatched = await dispatch(routes, req)
          const { response } = dispatched
          const text = await response.text()
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if (dispatched.answeredBy === 'route') {
            reached.add(`${dispatched.method} ${dispatched.route.pattern}`)
          }
          const context = describeSpec(spec)
          expect(response.status, context).toBeLessThan(500)
          if (response.status >= 400 && text) {
            const body: unknown = JSON.parse(text)
            const isAuth =
              dispatched.answeredBy === 'route' && dispatched.route.pattern.startsWith('/api/auth')
            const ours = body as { error?: { code?: unknown; message?: unknown } }
            if (ours.error) {
              expect(ourCodes, context).toContain(ours.error.code)
              expect(errorStatus[ours.error.code as keyof typeof errorStatus], context).toBe(
                response.status,
              )
              expect(typeof ours.error.message, context).toBe('string')
            } else {
              // The auth library's own refusals: `{ code?, message }`.
              expect(isAuth, `${context}: ${text.slice(0, 300)}`).toBe(true)
              expect(typeof (body as { message?: unknown }).message, context).toBe('string')
            }
          }
          if (spec.path.startsWith('/api/auth')) await keepCallersSignedIn(spec.caller)
        }),
        { numRuns: RUNS, seed },
      )

      const seconds = (performance.now() - started) / 1000
      // Figures for the record: how many requests, how fast, and what they answered.
      console.info(
        `fuzz-api: ${RUNS} requests in ${seconds.toFixed(1)} s (seed ${seed}); statuses ${JSON.stringify(
          Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        )}; ${reached.size} route methods reached; ${unsendable} unsendable`,
      )

      // Every method every route exports was reached at least once at this size.
      const exported = routes.flatMap((route) =>
        Object.keys(route.handlers).map((method) => `${method} ${route.pattern}`),
      )
      if (RUNS >= 1_000) expect(exported.filter((name) => !reached.has(name))).toEqual([])
    },
    Math.max(120_000, RUNS * 100),
  )

  test('the app still answers, and every caller is still signed in', async () => {
    const health = await dispatch(routes, new Request(`${origin}/api/health`))
    expect(health.response.status).toBe(200)
    const customer = users.get('customer')
    const mine = await dispatch(
      routes,
      new Request(`${origin}/api/sessions`, { headers: { cookie: customer?.cookie ?? '' } }),
    )
    expect(mine.response.status).toBe(200)
  })
})
