/** Every failure a client may see has a code; the code alone decides the HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof errorStatus

export class AppError extends Error {
  readonly code: ErrorCode
  /** Extra fields a client can act on (e.g. the current state on a 409). Never secrets. */
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  get status(): number {
    return errorStatus[this.code]
  }
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string } & Record<string, unknown>
}

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...error.details } }
}
