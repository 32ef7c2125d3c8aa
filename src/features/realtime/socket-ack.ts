import { ZodError } from 'zod'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import type { Ack } from './events'

type AckFn<T> = (response: Ack<T>) => void

/** Runs a socket handler and answers its acknowledgement in the API's error shape. */
export async function withAck<T>(ack: unknown, run: () => Promise<T>): Promise<void> {
  const reply: AckFn<T> = typeof ack === 'function' ? (ack as AckFn<T>) : () => {}
  try {
    reply({ ok: true, data: await run() })
  } catch (error) {
    if (error instanceof AppError) {
      reply({ ok: false, error: { code: error.code, message: error.message, ...error.details } })
    } else if (error instanceof ZodError) {
      reply({
        ok: false,
        error: { code: 'validation_failed', message: error.issues[0]?.message ?? 'Invalid input' },
      })
    } else {
      logger().error({ err: error }, 'socket handler failed')
      reply({ ok: false, error: { code: 'internal', message: 'Something went wrong' } })
    }
  }
}
