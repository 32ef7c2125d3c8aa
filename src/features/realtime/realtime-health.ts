/**
 * Whether this instance can exchange events with the others: `degraded` while the Postgres
 * adapter has no listening connection (its events and presence answers are lost meanwhile).
 * With one instance and no adapter there is nothing to lose, so it stays `ok`. Kept on
 * globalThis because the health route runs in Next's copy of our modules.
 */
export type RealtimeHealth = 'ok' | 'degraded'

const globalForRealtime = globalThis as unknown as { __autodoctorRealtimeHealth?: RealtimeHealth }

export function getRealtimeHealth(): RealtimeHealth {
  return globalForRealtime.__autodoctorRealtimeHealth ?? 'ok'
}

export function setRealtimeHealth(state: RealtimeHealth | undefined): void {
  globalForRealtime.__autodoctorRealtimeHealth = state
}
