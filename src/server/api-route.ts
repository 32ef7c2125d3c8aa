import { z } from 'zod'
import type { Role } from '@/db/schema'
import { getSessionUser, type SessionUser } from '@/features/auth/session-user'
import { AppError, errorBody } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { storableText } from '@/lib/user-text'
import { getContext } from './context'
import { isSameOrigin } from './same-origin'

export const MAX_JSON_BODY_BYTES = 1024 * 1024
export const REQUEST_ID_HEADER = 'x-request-id'

type Access = 'public' | 'signed-in' | Role | readonly Role[]

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> }

type RouteInput<TBody, TParams, TAccess extends Access> = {
  req: Request
  body: TBody
  params: TParams
  user: TAccess extends 'public' ? SessionUser | null : SessionUser
  requestId: string
}

type RouteOptions<TBody, TParams, TAccess extends Access> = {
  access: TAccess
  body?: z.ZodType<TBody>
  params?: z.ZodType<TParams>
}

/**
 * The one edge every API route passes through: origin check for writes, who is asking,
 * body and params validated by zod, and every failure mapped to `{ error: { code, message } }`.
 */
export function apiRoute<TAccess extends Access, TBody = undefined, TParams = undefined>(
  options: RouteOptions<TBody, TParams, TAccess>,
  handler: (input: RouteInput<TBody, TParams, TAccess>) => Promise<unknown>,
) {
  return async (req: Request, context?: RouteContext): Promise<Response> => {
    const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID()
    try {
      if (isWrite(req.method) && !isSameOrigin(req, getContext().env)) {
        throw new AppError('forbidden', 'Cross-site requests are not allowed')
      }
      const user = await authorize(req.headers, options.access)
      const params = options.params
        ? parseWith(options.params, (await context?.params) ?? {}, 'not_found')
        : (undefined as TParams)
      const body = options.body
        ? parseWith(options.body, await readJsonBody(req), 'validation_failed')
        : (undefined as TBody)
      const result = await handler({
        req,
        body,
        params,
        user: user as RouteInput<TBody, TParams, TAccess>['user'],
        requestId,
      })
      return result instanceof Response ? result : Response.json(result ?? { ok: true })
    } catch (error) {
      return errorResponse(error, requestId)
    }
  }
}

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError) {
    return Response.json(errorBody(error), { status: error.status })
  }
  logger().error({ err: error, requestId }, 'unhandled error in API route')
  const internal = new AppError('internal', `Something went wrong (request ${requestId})`)
  return Response.json(errorBody(internal), { status: 500 })
}

function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method)
}

async function authorize(headers: Headers, access: Access): Promise<SessionUser | null> {
  const user = await getSessionUser(headers)
  if (access === 'public') return user
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue')
  if (access === 'signed-in') return user
  const allowed: readonly Role[] = typeof access === 'string' ? [access] : access
  if (!allowed.includes(user.role)) {
    throw new AppError('forbidden', 'You do not have access to this resource')
  }
  return user
}

function parseWith<T>(
  schema: z.ZodType<T>,
  value: unknown,
  code: 'validation_failed' | 'not_found',
): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  if (code === 'not_found') throw new AppError('not_found', 'Not found')
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }))
  const first = issues[0]
  const message = first ? `${first.path || 'body'}: ${first.message}` : 'Invalid request body'
  throw new AppError('validation_failed', message, { issues })
}

/** Reads a JSON body, refusing other content types and anything over the size limit. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const contentType = req.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json')
  }
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge()
  const text = await readTextWithLimit(req, MAX_JSON_BODY_BYTES)
  if (text.trim() === '') throw new AppError('bad_request', 'The request body is empty')
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON')
  }
}

/** The body exactly as sent (webhook signatures are computed over these bytes). */
export async function readRawBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge()
  return readTextWithLimit(req, MAX_JSON_BODY_BYTES)
}

async function readTextWithLimit(req: Request, limit: number): Promise<string> {
  if (!req.body) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', 'The request body is larger than 1 MB')
}

/**
 * Route params for `[id]` segments. Ids are compared with text columns, and PostgreSQL refuses
 * a NUL in text with an error: such an id names nothing, so it is a 404 like any unknown id.
 */
export const idParams = z.object({ id: storableText().min(1).max(100) })
