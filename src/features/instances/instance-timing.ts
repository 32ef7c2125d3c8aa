/**
 * How often a process proves it is alive, and after how long without a heartbeat it counts as
 * dead: three missed beats, so one slow write or a busy event loop does not take a live instance
 * for dead. The realtime adapter forgets a silent peer a little sooner (see socket-server.ts), so
 * by the time an instance is found dead, presence no longer waits on it.
 */
export const HEARTBEAT_INTERVAL_MS = 2_000
export const STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS
