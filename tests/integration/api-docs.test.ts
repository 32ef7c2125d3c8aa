import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientEventNames, serverEventNames } from '@/features/realtime/contract'

/**
 * docs/api.md follows the code: every HTTP route under src/app/api (each method it exports) and
 * every socket event in the realtime contract has its entry there.
 */

const root = join(import.meta.dirname, '..', '..')
const apiDir = join(root, 'src', 'app', 'api')
const docs = readFileSync(join(root, 'docs', 'api.md'), 'utf8')

const methodExport =
  /export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(path)
    return entry.name === 'route.ts' ? [path] : []
  })
}

/** `[id]` becomes `:id`, a catch-all `[...rest]` becomes `*`. */
function urlOf(file: string): string {
  const segments = relative(join(root, 'src', 'app'), file)
    .split(sep)
    .slice(0, -1)
  const path = segments.map((segment) =>
    segment.startsWith('[...') ? '*' : segment.replace(/^\[(.+)\]$/, ':$1'),
  )
  return `/${path.join('/')}`
}

function codeRoutes(): string[] {
  return routeFiles(apiDir).flatMap((file) => {
    const methods = [...readFileSync(file, 'utf8').matchAll(methodExport)].map((m) => m[1])
    return methods.map((method) => `${method} ${urlOf(file)}`)
  })
}

/** Every `METHOD /api/...` in backticks; `{id}` is read as `:id`, a query string is dropped. */
function documentedRoutes(): Set<string> {
  const found = docs.matchAll(/`(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/api[^`\s?]*)/g)
  return new Set(
    [...found].map(([, method, path]) => `${method} ${path?.replace(/\{(\w+)\}/g, ':$1')}`),
  )
}

/** The event names in the first column of the table under a heading. */
function documentedEvents(heading: string): Set<string> {
  const start = docs.indexOf(`\n### ${heading}\n`)
  expect(start, `docs/api.md has a "### ${heading}" section`).toBeGreaterThan(-1)
  const rest = docs.slice(start + heading.length + 6)
  const section = rest.slice(0, rest.search(/\n#{2,3} /) + 1 || undefined)
  return new Set([...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1] ?? ''))
}

describe('docs/api.md', () => {
  it('documents every HTTP route and method under src/app/api', () => {
    const routes = codeRoutes()
    expect(routes.length).toBeGreaterThan(10)
    const documented = documentedRoutes()
    expect(routes.filter((route) => !documented.has(route))).toEqual([])
  })

  it('documents every client → server event of the realtime contract', () => {
    const documented = documentedEvents('Client → server')
    expect(clientEventNames.filter((name) => !documented.has(name))).toEqual([])
  })

  it('documents every server → client event of the realtime contract', () => {
    const documented = documentedEvents('Server → client')
    expect(serverEventNames.filter((name) => !documented.has(name))).toEqual([])
  })
})
