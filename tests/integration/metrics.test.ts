import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as metricsRoute } from '@/app/metrics/route'
import { observeRequestDuration } from '@/features/metrics/observe-request-duration'
import { runSessionMonitor } from '@/features/monitor/run-session-monitor'
import { acceptedSession, deliverWebhook } from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
const METRICS_TOKEN = 'metrics-token-for-the-tests'

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
})

function scrape(authorization?: string) {
  return app.call<string>(metricsRoute, {
    path: '/metrics',
    headers: authorization ? { authorization } : {},
  })
}

function family(families: PrometheusFamily[], name: string): PrometheusFamily {
  const found = families.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no metric ${name} in the scrape`)
  return found
}

/** A real HTTP request through the same timing hook the server installs. */
async function timedRequest(path: string): Promise<void> {
  const server = createServer((req, res) => {
    observeRequestDuration(req, res)
    res.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await (await fetch(`http://127.0.0.1:${port}${path}`)).text()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

describe('GET /metrics', () => {
  test('is absent without METRICS_TOKEN and refuses a missing or wrong token', async () => {
    app.context.env.METRICS_TOKEN = undefined
    expect((await scrape(`Bearer ${METRICS_TOKEN}`)).status).toBe(404)
    app.context.env.METRICS_TOKEN = METRICS_TOKEN
    expect((await scrape()).status).toBe(401)
    expect((await scrape(`Bearer ${METRICS_TOKEN}-not`)).status).toBe(401)
  })

  test('answers the Prometheus text format with every family a parser can read', async () => {
    app.context.env.METRICS_TOKEN = METRICS_TOKEN
    await acceptedSession(app)
    await runSessionMonitor()
    await deliverWebhook(app, { payload: '{}', signature: 't=1,v1=forged' })
    const sessionId = crypto.randomUUID()
    await timedRequest(`/chat/${sessionId}?from=test`)

    const response = await scrape(`Bearer ${METRICS_TOKEN}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const families = parsePrometheusTextFormat(response.body)

    const sessionsByStatus = family(families, 'autodoctor_sessions')
    expect(sessionsByStatus.type).toBe('GAUGE')
    const accepted = sessionsByStatus.metrics.find((m) => m.labels?.status === 'accepted')
    expect(Number(accepted?.value)).toBeGreaterThanOrEqual(1)

    const monitorRuns = family(families, 'autodoctor_monitor_run_duration_seconds')
    expect(monitorRuns.type).toBe('HISTOGRAM')
    // The parser folds a labelled histogram into its buckets; the sample lines carry the rest.
    expect(response.body).toMatch(
      /^autodoctor_monitor_run_duration_seconds_count\{trigger="loop"\} [1-9]/m,
    )

    const webhooks = family(families, 'autodoctor_webhook_events_total')
    expect(webhooks.metrics.find((m) => m.labels?.outcome === 'refused')?.value).toBe('1')

    const outbox = family(families, 'autodoctor_outbox_jobs')
    expect(outbox.metrics.map((m) => m.labels?.status).sort()).toEqual([
      'failed',
      'pending',
      'running',
    ])

    expect(family(families, 'autodoctor_http_request_duration_seconds').type).toBe('HISTOGRAM')
    expect(response.body).toContain(
      'autodoctor_http_request_duration_seconds_count{method="GET",route="/chat/:id",status="2xx"} 1',
    )
    expect(response.body).not.toContain(sessionId)

    for (const name of [
      'autodoctor_monitor_actions_total',
      'autodoctor_sweep_duration_seconds',
      'autodoctor_socket_connections',
    ]) {
      expect(family(families, name).name).toBe(name)
    }
  })
})
