import type { IncomingMessage, ServerResponse } from 'node:http'
import { AppError, errorBody } from '@/lib/errors'

/** False when the path has a `%` escape that does not decode to UTF-8 (`/%`, `/%ff`). */
export function isDecodablePath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? ''
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

const BAD_ADDRESS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>This address is not valid · AutoDoctor</title></head>
<body style="font-family: system-ui, sans-serif; color: #0f172a; margin: 0">
<main style="max-width: 28rem; margin: 0 auto; padding: 5rem 1rem; text-align: center">
<h1 style="font-size: 1.5rem">This address is not valid</h1>
<p style="color: #475569">The link is broken or was cut off. Check it, or start again from your dashboard.</p>
<a href="/dashboard" style="display: inline-block; margin-top: 1.5rem; padding: 0.7rem 1rem; border-radius: 0.5rem; background: #2563eb; color: #fff; font-weight: 600; text-decoration: none">Back to your dashboard</a>
</main>
</body>
</html>
`

/**
 * Next answers a path it cannot decode with a bare text 500. We answer it first: a 400 in the
 * API's error shape under /api, a small page elsewhere. Returns whether it answered.
 */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/'
  if (isDecodablePath(url)) return false
  if (url.startsWith('/api/')) {
    const error = new AppError('bad_request', 'The address has a broken %-escape')
    res.writeHead(error.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(errorBody(error)))
  } else {
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
    res.end(req.method === 'HEAD' ? undefined : BAD_ADDRESS_PAGE)
  }
  return true
}
