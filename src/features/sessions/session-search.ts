import { z } from 'zod'
import { sessionStatuses } from './statuses'

export const SESSION_PAGE_SIZE = 50
export const MAX_SESSION_PAGE_SIZE = 100
export const MAX_SEARCH_LENGTH = 200

/**
 * The admin list's query (`?q=&page=&pageSize=&status=`): text matched against the customer,
 * the mechanic, the vehicle or the session id, and a page of the newest first. Parsed here once
 * for the API route and the page, so both accept and refuse the same input.
 */
export const sessionSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_SEARCH_LENGTH, `Keep the search under ${MAX_SEARCH_LENGTH} characters`)
    .default(''),
  page: z.coerce
    .number({ message: 'page must be a whole number from 1' })
    .int('page must be a whole number from 1')
    .min(1, 'page must be a whole number from 1')
    .max(100_000, 'page is too large')
    .default(1),
  pageSize: z.coerce
    .number({ message: `pageSize must be a whole number from 1 to ${MAX_SESSION_PAGE_SIZE}` })
    .int(`pageSize must be a whole number from 1 to ${MAX_SESSION_PAGE_SIZE}`)
    .min(1, `pageSize must be a whole number from 1 to ${MAX_SESSION_PAGE_SIZE}`)
    .max(
      MAX_SESSION_PAGE_SIZE,
      `pageSize must be a whole number from 1 to ${MAX_SESSION_PAGE_SIZE}`,
    )
    .default(SESSION_PAGE_SIZE),
  status: z
    .array(
      z.enum(sessionStatuses, { message: `status must be one of ${sessionStatuses.join(', ')}` }),
    )
    .default([]),
})

export type SessionSearch = z.output<typeof sessionSearchSchema>

/** The query's parameters as the schema reads them: repeated `status`, the others once. */
export function searchParamsInput(params: URLSearchParams): Record<string, unknown> {
  const single = (name: string) => params.get(name) ?? undefined
  return {
    q: single('q'),
    page: single('page') || undefined,
    pageSize: single('pageSize') || undefined,
    status: params.getAll('status'),
  }
}
