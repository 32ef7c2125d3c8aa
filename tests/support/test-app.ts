import { randomBytes, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { inject } from 'vitest'
import { POST as authPost } from '@/app/api/auth/[...all]/route'
import { type DatabaseHandle, openDatabase } from '@/db/client'
import { mechanicProfiles, type Role, users } from '@/db/schema'
import { CLIENT_IP_HEADER } from '@/features/auth/client-ip'
import { type AppContext, closeContext, initContext } from '@/server/context'

/** What our API answers: either data or `{ error: { code, message } }`. */
export type ApiBody = { error?: { code: string; message: string } } & Record<string, unknown>

export type CallResult<T = ApiBody> = {
  status: number
  body: T
  headers: Headers
  /** The `cookie` request header a client would send after this response. */
  cookie: string
}

export type CallOptions = {
  method?: string
  /** Path and query, e.g. `/api/mechanics/apply`; resolved against APP_URL. */
  path: string
  /** Objects are sent as JSON; strings and streams are sent as they are. */
  body?: unknown
  cookie?: string
  headers?: Record<string, string>
  params?: Record<string, string | string[]>
}

type RouteHandler = (
  req: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Response | Promise<Response>

export type TestUser = {
  id: string
  name: string
  email: string
  password: string
  role: Role
  /** A `cookie` header for a signed-in request as this user. */
  cookie: string
}

export type TestApp = {
  context: AppContext
  database: DatabaseHandle
  /** The address the custom server would stamp for this file's requests. */
  clientIp: string
  call: <T = ApiBody>(handler: RouteHandler, options: CallOptions) => Promise<CallResult<T>>
  signIn: (
    credentials: { email: string; password: string },
    options?: { ip?: string },
  ) => Promise<CallResult>
  createUser: (options?: { role?: Role; approved?: boolean }) => Promise<TestUser>
  close: () => Promise<void>
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID()}@test.autodoctor.dev`
}

/** A private address per test file, so one file's failed sign-ins never throttle another's. */
export function uniqueIp(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3)
  return `10.${a}.${b}.${c}`
}

/**
 * Opens a database with the migrations applied (in-memory PGlite, or the run's fresh PostgreSQL
 * database when TEST_DATABASE=postgres), makes it the app context, and gives tests a way to call
 * route handlers the way the server would.
 */
export async function startTestApp(): Promise<TestApp> {
  const database =
    process.env.TEST_DATABASE === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: inject('databaseUrl'), maxConnections: 4 })
      : await openDatabase({ kind: 'pglite' })
  const context = await initContext({ database })
  const origin = new URL(context.env.appUrl).origin
  const clientIp = uniqueIp()

  async function call<T = ApiBody>(
    handler: RouteHandler,
    options: CallOptions,
  ): Promise<CallResult<T>> {
    const method = options.method ?? (options.body === undefined ? 'GET' : 'POST')
    const headers = new Headers(options.headers)
    if (!headers.has(CLIENT_IP_HEADER)) headers.set(CLIENT_IP_HEADER, clientIp)
    if (!['GET', 'HEAD'].includes(method) && !headers.has('origin')) headers.set('origin', origin)
    if (options.cookie) headers.set('cookie', options.cookie)
    let body: BodyInit | undefined
    if (options.body === undefined) {
      body = undefined
    } else if (typeof options.body === 'string' || options.body instanceof ReadableStream) {
      body = options.body
    } else {
      body = JSON.stringify(options.body)
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
    }
    const req = new Request(new URL(options.path, origin), {
      method,
      headers,
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    })
    const response = await handler(req, { params: Promise.resolve(options.params ?? {}) })
    const text = await response.text()
    return {
      status: response.status,
      body: (text ? parseJson(text) : null) as T,
      headers: response.headers,
      cookie: cookieHeaderFrom(response.headers),
    }
  }

  function signIn(
    credentials: { email: string; password: string },
    options: { ip?: string } = {},
  ): Promise<CallResult> {
    return call(authPost, {
      path: '/api/auth/sign-in/email',
      body: credentials,
      headers: { [CLIENT_IP_HEADER]: options.ip ?? clientIp },
    })
  }

  /** A new account made the way the app makes them, then signed in through the auth route. */
  async function createUser({
    role = 'customer',
    approved = true,
  }: {
    role?: Role
    approved?: boolean
  } = {}): Promise<TestUser> {
    const email = uniqueEmail(role)
    const password = `pw-${randomUUID()}`
    const name = `Test ${role} ${email.slice(role.length + 1, role.length + 7)}`
    const { user } = await context.auth.api.signUpEmail({ body: { name, email, password } })
    if (role !== 'customer') {
      await database.db.transaction(async (tx) => {
        await tx.update(users).set({ role, emailVerified: true }).where(eq(users.id, user.id))
        if (role === 'mechanic') {
          await tx.insert(mechanicProfiles).values({
            userId: user.id,
            yearsExperience: 8,
            specialties: ['Engine', 'Brakes'],
            approvedAt: approved ? new Date() : null,
          })
        }
      })
    }
    const signedIn = await signIn({ email, password })
    if (signedIn.status !== 200 || !signedIn.cookie) {
      throw new Error(`Could not sign in the test user (status ${signedIn.status})`)
    }
    return { id: user.id, name, email, password, role, cookie: signedIn.cookie }
  }

  return { context, database, clientIp, call, signIn, createUser, close: closeContext }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Turns `set-cookie` response headers into the `cookie` header a browser would send back. */
export function cookieHeaderFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => pair && !pair.endsWith('='))
    .join('; ')
}
