import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import type { Database } from '@/db/client'
import { authAccounts, authSessions, authVerifications, users } from '@/db/schema'
import type { ServerEnv } from '@/lib/env'
import { CLIENT_IP_HEADER } from './client-ip'
import { RESET_LINK_SECONDS, sendPasswordResetEmail } from './send-password-reset-email'

const SEVEN_DAYS_SECONDS = 60 * 60 * 24 * 7

export function trustedOrigins(env: ServerEnv): string[] {
  const origins = new Set([new URL(env.appUrl).origin])
  // The same local server is reachable as localhost and 127.0.0.1 when no APP_URL is set.
  if (!env.APP_URL) origins.add(`http://127.0.0.1:${env.PORT}`)
  return [...origins]
}

/** The auth library instance: accounts, password hashing and session cookies. */
export function createAuth(db: Database, env: ServerEnv) {
  return betterAuth({
    appName: 'AutoDoctor',
    baseURL: env.appUrl,
    secret: env.authSecret,
    trustedOrigins: trustedOrigins(env),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      // "Forgot password?": the link goes out through the mail outbox, works once and expires.
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url, token }) =>
        sendPasswordResetEmail(db, { userId: user.id, url, token }),
    },
    user: {
      additionalFields: {
        // Never taken from the sign-up body: everyone signs up as a customer; the mechanic
        // application and the seed set other roles on the server.
        role: { type: 'string', required: false, defaultValue: 'customer', input: false },
      },
    },
    session: { expiresIn: SEVEN_DAYS_SECONDS, updateAge: 60 * 60 * 24 },
    // Failed sign-ins are throttled by our own per-account and per-IP limiter (sign-in-throttle.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: env.LOG_LEVEL === 'silent' },
    advanced: {
      useSecureCookies: new URL(env.appUrl).protocol === 'https:',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      cookiePrefix: 'autodoctor',
      database: { generateId: () => crypto.randomUUID() },
      // The custom server overwrites this header with the socket's address on every request.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  })
}

export type Auth = ReturnType<typeof createAuth>
