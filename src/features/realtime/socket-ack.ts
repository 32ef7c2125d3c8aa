import { ZodError } from 'zod'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import type { Ack } from './contract'

/**
 * Runs a socket handler and answers its acknowledgement in the API's error shape. The contract
 * types the callback, but a client may still send none.
 */
export async function withAck<T>(
  ack: ((response: Ack<T>) => void) | undefined,
  run: () => Promise<T>,
): Promise<void> {
  const reply = typeof ack === 'function' ? ack : () => {}
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
