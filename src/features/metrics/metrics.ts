import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import {
  countJobsByStatus,
  countLocalSockets,
  countSessionsByStatus,
} from '@/features/monitor/health-counts'

/**
 * The process's Prometheus metrics. The custom server and Next's compiled route code load separate
 * copies of this module, so the one registry lives on globalThis, like the app context.
 */
export type AppMetrics = {
  registry: Registry
  monitorActions: Counter<'condition'>
  monitorDuration: Histogram<'trigger'>
  sweepDuration: Histogram
  webhookOutcomes: Counter<'outcome'>
  httpDuration: Histogram<'method' | 'route' | 'status'>
  sessionsByStatus: Gauge<'status'>
  outboxJobs: Gauge<'status'>
  socketConnections: Gauge
}

const globalForMetrics = globalThis as unknown as { __autodoctorMetrics?: AppMetrics }

const PASS_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export function metrics(): AppMetrics {
  globalForMetrics.__autodoctorMetrics ??= createMetrics()
  return globalForMetrics.__autodoctorMetrics
}

function createMetrics(): AppMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'autodoctor_' })
  const setAll = (gauge: Gauge<'status'>, values: Record<string, number>) => {
    gauge.reset()
    for (const [status, value] of Object.entries(values)) gauge.set({ status }, value)
  }
  return {
    registry,
    monitorActions: new Counter({
      name: 'autodoctor_monitor_actions_total',
      help: 'Actions taken by the session monitor, by condition',
      labelNames: ['condition'],
      registers: [registry],
    }),
    monitorDuration: new Histogram({
      name: 'autodoctor_monitor_run_duration_seconds',
      help: 'Duration of one session monitor pass',
      labelNames: ['trigger'],
      buckets: PASS_BUCKETS,
      registers: [registry],
    }),
    sweepDuration: new Histogram({
      name: 'autodoctor_sweep_duration_seconds',
      help: 'Duration of one session clock sweep',
      buckets: PASS_BUCKETS,
      registers: [registry],
    }),
    webhookOutcomes: new Counter({
      name: 'autodoctor_webhook_events_total',
      help: 'Payment webhook deliveries, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'autodoctor_http_request_duration_seconds',
      help: 'HTTP request duration, by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sessionsByStatus: new Gauge({
      name: 'autodoctor_sessions',
      help: 'Sessions by status',
      labelNames: ['status'],
      registers: [registry],
      // Read at scrape time, so a scrape shows the database as it is.
      async collect() {
        setAll(this, await countSessionsByStatus())
      },
    }),
    outboxJobs: new Gauge({
      name: 'autodoctor_outbox_jobs',
      help: 'Outbox jobs by status (pending is the depth, failed gave up)',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        setAll(this, await countJobsByStatus())
      },
    }),
    socketConnections: new Gauge({
      name: 'autodoctor_socket_connections',
      help: 'Socket.IO connections open on this instance',
      registers: [registry],
      collect() {
        this.set(countLocalSockets())
      },
    }),
  }
}

/** `/chat/3f2…` → `/chat/:id`: one series per route, not per session. */
export function routePattern(path: string): string {
  const pathname = path.split('?')[0] ?? '/'
  if (pathname.startsWith('/_next/')) return '/_next/*'
  return pathname
    .split('/')
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
      /^\d+$/.test(segment) ||
      segment.length > 40
        ? ':id'
        : segment,
    )
    .join('/')
    .slice(0, 100)
}
