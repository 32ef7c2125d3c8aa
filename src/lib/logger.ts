import pino from 'pino'
import { env } from './env'

const globalForLogger = globalThis as unknown as { __autodoctorLogger?: pino.Logger }

export function logger(): pino.Logger {
  globalForLogger.__autodoctorLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: 'autodoctor' },
    redact: ['password', '*.password', 'headers.cookie', 'headers.authorization'],
  })
  return globalForLogger.__autodoctorLogger
}
