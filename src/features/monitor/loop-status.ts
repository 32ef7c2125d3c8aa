/**
 * When each background loop of this process last finished a pass and how long it took: the
 * Health page's "sweep lag". Kept on globalThis, since Next's compiled pages load their own copy
 * of this module.
 */
export const loopNames = {
  sweep: 'session sweep',
  jobs: 'jobs',
  monitor: 'session monitor',
  heartbeat: 'instance heartbeat',
  lostInstances: 'lost instances',
} as const

export type LoopPass = { finishedAt: number; durationMs: number; intervalMs: number }

const globalForLoops = globalThis as unknown as { __autodoctorLoopPasses?: Map<string, LoopPass> }

function passes(): Map<string, LoopPass> {
  globalForLoops.__autodoctorLoopPasses ??= new Map()
  return globalForLoops.__autodoctorLoopPasses
}

export function recordLoopPass(name: string, pass: LoopPass): void {
  passes().set(name, pass)
}

export function lastLoopPass(name: string): LoopPass | undefined {
  return passes().get(name)
}
