import { notFound } from 'next/navigation'
import { AppError } from '@/lib/errors'

/** Pages answer a session the viewer may not see with Next's 404, like one that does not exist. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound()
    throw error
  }
}
