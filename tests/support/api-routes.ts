import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError, errorBody } from '@/lib/errors'
import { isDecodablePath } from '@/server/refuse-malformed-path'

/**
 * Every API route of the source tree, found the way Next finds them (`src/app/api/**\/route.ts`),
 * and a router that sends a request to one the way Next would. A route added later is picked up
 * without touching the tests that use this.
 */

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
export type HttpMethod = (typeof httpMethods)[number]

type RouteHandler = (
  req: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Response | Promise<Response>

type Segment =
  | { kind: 'static'; name: string }
  | { kind: 'dynamic'; name: string }
  | { kind: 'catch-all'; name: string }

export type ApiRoute = {
  /** `/api/sessions/:id/end`, `/api/auth/*`: how docs/api.md names it. */
  pattern: string
  segments: Segment[]
  handlers: Partial<Record<HttpMethod, RouteHandler>>
}

const root = join(import.meta.dirname, '..', '..')
const appDir = join(root, 'src', 'app')

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(path)
    return entry.name === 'route.ts' ? [path] : []
  })
}

function segmentOf(name: string): Segment {
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(name)
  if (catchAll?.[1]) return { kind: 'catch-all', name: catchAll[1] }
  const dynamic = /^\[(.+)\]$/.exec(name)
  if (dynamic?.[1]) return { kind: 'dynamic', name: dynamic[1] }
  return { kind: 'static', name }
}

function patternOf(segments: Segment[]): string {
  const parts = segments.map((segment) =>
    segment.kind === 'static'
      ? segment.name
      : segment.kind === 'dynamic'
        ? `:${segment.name}`
        : '*',
  )
  return `/${parts.join('/')}`
}

/** Loads every route module under src/app/api with the methods it exports. */
export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const files = routeFiles(join(appDir, 'api')).sort()
  const routes = await Promise.all(
    files.map(async (file) => {
      const segments = relative(appDir, file).split(sep).slice(0, -1).map(segmentOf)
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
      const handlers: ApiRoute['handlers'] = {}
      for (const method of httpMethods) {
        const handler = module[method]
        if (typeof handler === 'function') handlers[method] = handler as RouteHandler
      }
      return { pattern: patternOf(segments), segments, handlers }
    }),
  )
  // Next prefers a static segment to a dynamic one, and a dynamic one to a catch-all.
  const rank = (route: ApiRoute) =>
    route.segments.map((segment) => ({ static: 0, dynamic: 1, 'catch-all': 2 })[segment.kind])
  return routes.sort((a, b) => compareRanks(rank(a), rank(b)))
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i] ?? -1
    const right = b[i] ?? -1
    if (left !== right) return left - right
  }
  return 0
}

export type Matched = { route: ApiRoute; params: Record<string, string | string[]> }

/** The route Next would pick for a (normalised, decodable) path, with its decoded params. */
export function matchRoute(routes: readonly ApiRoute[], pathname: string): Matched | null {
  const parts = pathname.split('/').slice(1)
  if (parts.length > 1 && parts.at(-1) === '') parts.pop()
  for (const route of routes) {
    const params = matchSegments(route.segments, parts)
    if (params) return { route, params }
  }
  return null
}

function matchSegments(segments: Segment[], parts: string[]) {
  const params: Record<string, string | string[]> = {}
  for (const [i, segment] of segments.entries()) {
    const part = parts[i]
    if (segment.kind === 'catch-all') {
      const rest = parts.slice(i)
      if (rest.length === 0) return null
      params[segment.name] = rest.map((p) => decodeURIComponent(p))
      return params
    }
    if (part === undefined || part === '') return null
    if (segment.kind === 'static' && part !== segment.name) return null
    if (segment.kind === 'dynamic') params[segment.name] = decodeURIComponent(part)
  }
  return parts.length === segments.length ? params : null
}

export type Dispatched =
  | { answeredBy: 'server'; response: Response }
  | { answeredBy: 'route'; route: ApiRoute; method: HttpMethod; response: Response }

/**
 * Sends a request where the custom server and Next would: a path that cannot be decoded is
 * refused by the server before routing (400, `refuse-malformed-path.ts`); a method the route does
 * not export gets Next's answer (HEAD falls back to GET, OPTIONS lists the methods, anything else
 * is an empty 405); everything else reaches the route's handler with its decoded params.
 */
export async function dispatch(routes: readonly ApiRoute[], req: Request): Promise<Dispatched> {
  const rawPath = req.url.slice(new URL(req.url).origin.length)
  if (!isDecodablePath(rawPath)) {
    const error = new AppError('bad_request', 'The address has a broken %-escape')
    return { answeredBy: 'server', response: Response.json(errorBody(error), { status: 400 }) }
  }
  const { pathname } = new URL(req.url)
  const matched = matchRoute(routes, pathname)
  if (!matched) {
    const error = new AppError('not_found', 'No such route')
    return { answeredBy: 'server', response: Response.json(errorBody(error), { status: 404 }) }
  }
  const { route, params } = matched
  const method = req.method.toUpperCase() as HttpMethod
  const handler = route.handlers[method] ?? (method === 'HEAD' ? route.handlers.GET : undefined)
  if (!handler) {
    const allow = Object.keys(route.handlers).join(', ')
    const status = method === 'OPTIONS' ? 204 : 405
    return {
      answeredBy: 'route',
      route,
      method,
      response: new Response(null, { status, headers: { allow } }),
    }
  }
  const response = await handler(req, { params: Promise.resolve(params) })
  return { answeredBy: 'route', route, method, response }
}
