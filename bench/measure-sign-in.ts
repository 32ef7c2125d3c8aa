import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { CLIENT_IP_HEADER } from '@/features/auth/client-ip'
import { handleAuthRequest } from '@/features/auth/handle-auth-request'
import { getContext } from '@/server/context'
import { type Distribution, summarize } from './stats'

export type SignInFigures = {
  signIns: number
  /** The whole server-side sign-in: throttle, user lookup, password check, new session, cookie. */
  requestMs: Distribution
  /** The auth library's handler alone, without our throttle around it. */
  authHandlerMs: Distribution
  /** The password check alone (the auth library's verify, as configured). */
  passwordVerifyMs: Distribution
  /** What the request spends besides the password check (p50 minus p50). */
  restP50Ms: number | null
}

/**
 * Server-side time of `POST /api/auth/sign-in/email` through the same handler the server mounts
 * (our throttle around the auth library), one sign-in after another so the figure is the cost
 * of one request, not of a queue. Then the password check alone, on the same stored hash.
 */
export async function measureSignIn(count: number): Promise<SignInFigures> {
  const { auth, env } = getContext()
  const origin = new URL(env.appUrl).origin
  const email = `bench-sign-in-${randomUUID()}@bench.autodoctor.dev`
  const password = `bench-${randomUUID()}`
  await auth.api.signUpEmail({ body: { name: 'Bench Sign-in', email, password } })

  const request = () =>
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        [CLIENT_IP_HEADER]: '10.99.0.1',
      },
      body: JSON.stringify({ email, password }),
    })
  // One unmeasured round warms the modules and the connection.
  await handleAuthRequest(request())
  const requestMs: number[] = []
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    const response = await handleAuthRequest(request())
    requestMs.push(performance.now() - started)
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`)
  }

  const handlerMs: number[] = []
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    const response = await auth.handler(request())
    handlerMs.push(performance.now() - started)
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`)
  }

  const context = await auth.$context
  const hash = await context.password.hash(password)
  const verifyMs: number[] = []
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    if (!(await context.password.verify({ hash, password }))) throw new Error('verify failed')
    verifyMs.push(performance.now() - started)
  }
  const request50 = summarize(requestMs)
  const verify50 = summarize(verifyMs)
  return {
    signIns: count,
    requestMs: request50,
    authHandlerMs: summarize(handlerMs),
    passwordVerifyMs: verify50,
    restP50Ms:
      request50.p50 === null || verify50.p50 === null
        ? null
        : Math.round((request50.p50 - verify50.p50) * 100) / 100,
  }
}
