import type { IncomingMessage, ServerResponse } from 'node:http'
import { metrics, routePattern } from './metrics'

/** Times a request from arrival to the last byte sent, by route pattern and status class. */
export function observeRequestDuration(req: IncomingMessage, res: ServerResponse): void {
  const stop = metrics().httpDuration.startTimer()
  res.once('finish', () => {
    // Unknown paths share one series, so scanners cannot grow the metrics without bound.
    const route = res.statusCode === 404 ? '(unmatched)' : routePattern(req.url ?? '/')
    stop({ method: req.method ?? 'GET', route, status: `${Math.floor(res.statusCode / 100)}xx` })
  })
}
