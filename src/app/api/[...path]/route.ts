import { AppError, errorBody } from '@/lib/errors'

/** Unknown API paths answer in the API's error shape rather than with an HTML page. */
function notFound(): Response {
  return Response.json(errorBody(new AppError('not_found', 'No such API route')), { status: 404 })
}

export const GET = notFound
export const POST = notFound
export const PUT = notFound
export const PATCH = notFound
export const DELETE = notFound
