import { hitRateLimit } from '@/features/limits/hit-rate-limit'
import { passwordResetLimit, signUpLimit } from '@/features/limits/rate-limits'
import { AppError } from '@/lib/errors'
import { errorResponse, REQUEST_ID_HEADER } from '@/server/api-route'
import { getContext } from '@/server/context'
import { isSameOrigin } from '@/server/same-origin'
import { clientIpFromHeaders } from './client-ip'
import { refuseUnusableCallbackUrl } from './refuse-unusable-callback-url'
import { getSignIn } from './session-user'
import {
  clearSignInFailures,
  keepSignInFailure,
  releaseSignInAttempt,
  reserveSignInAttempt,
} from './sign-in-throttle'

/**
 * Hands auth requests to the auth library, adding what it does not do for us: the per-account and
 * per-IP throttle on failed sign-ins, and our error shape for refused requests.
 */
export type AuthHooks = {
  /** After a sign-out went through: close what still runs on that sign-in (open sockets). */
  onSignedOut?: (signInId: string) => void
}

export async function handleAuthRequest(req: Request, hooks: AuthHooks = {}): Promise<Response> {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID()
  const { auth, env } = getContext()
  try {
    if (req.method !== 'GET' && !isSameOrigin(req, env)) {
      throw new AppError('forbidden', 'Cross-site requests are not allowed')
    }
    const url = new URL(req.url)
    refuseUnusableCallbackUrl(url)
    const { pathname } = url
    if (req.method === 'POST' && pathname.endsWith('/sign-in/email')) {
      return await signInWithThrottle(req)
    }
    if (req.method === 'POST' && pathname.endsWith('/sign-up/email')) {
      await hitRateLimit(signUpLimit(), clientIpFromHeaders(req.headers))
    }
    if (req.method === 'POST' && pathname.endsWith('/request-password-reset')) {
      await hitRateLimit(passwordResetLimit, clientIpFromHeaders(req.headers))
    }
    if (req.method === 'POST' && pathname.endsWith('/sign-out')) {
      const signIn = await getSignIn(req.headers)
      const response = await auth.handler(req)
      if (signIn && response.ok) hooks.onSignedOut?.(signIn.signInId)
      return response
    }
    return await auth.handler(req)
  } catch (error) {
    return errorResponse(error, requestId)
  }
}

async function signInWithThrottle(req: Request): Promise<Response> {
  const email = await emailOf(req.clone())
  const ip = clientIpFromHeaders(req.headers)
  const attempt = await reserveSignInAttempt(email, ip)
  let response: Response
  try {
    response = await getContext().auth.handler(req)
  } catch (error) {
    await releaseSignInAttempt(attempt)
    throw error
  }
  if (response.status === 401) await keepSignInFailure()
  else if (email && response.ok) await clearSignInFailures(attempt, email, ip)
  else await releaseSignInAttempt(attempt)
  return response
}

/** The email from a JSON or form body (the auth library accepts both); null if there is none. */
async function emailOf(req: Request): Promise<string | null> {
  const text = await req.text().catch(() => '')
  let email: unknown = null
  try {
    email = (JSON.parse(text) as { email?: unknown }).email
  } catch {
    email = new URLSearchParams(text).get('email')
  }
  return typeof email === 'string' && email.trim() !== '' ? email : null
}
