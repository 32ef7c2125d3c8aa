import { runSessionMonitor } from '@/features/monitor/run-session-monitor'
import { cronRoute } from '@/server/cron-route'

export const dynamic = 'force-dynamic'

/** An external scheduler's trigger for the same pass the in-process loop runs. */
export const POST = cronRoute(async () => ({ run: await runSessionMonitor({ trigger: 'cron' }) }))
