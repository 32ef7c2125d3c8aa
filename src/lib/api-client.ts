/** Browser helper for our JSON API: one result shape for every call, success or failure. */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | {
      ok: false
      status: number
      code: string
      message: string
      /** Whatever else the error carried: `issues` on a 422, the current `status` on a 409. */
      details: Record<string, unknown>
    }

export async function callApi<T>(
  url: string,
  { method = 'POST', body }: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    return {
      ok: false,
      status: 0,
      code: 'network',
      message: 'Could not reach AutoDoctor. Check your connection and try again.',
      details: {},
    }
  }
  const payload: unknown = await response.json().catch(() => null)
  if (response.ok) return { ok: true, status: response.status, data: payload as T }
  return { ok: false, status: response.status, ...errorOf(payload, response.status) }
}

/** Our routes answer `{ error: { code, message } }`; the auth library answers `{ code, message }`. */
function errorOf(
  payload: unknown,
  status: number,
): { code: string; message: string; details: Record<string, unknown> } {
  const body = (payload ?? {}) as {
    error?: { code?: string; message?: string } & Record<string, unknown>
    code?: string
    message?: string
  }
  const code = body.error?.code ?? body.code ?? String(status)
  const message = body.error?.message ?? body.message ?? 'Something went wrong. Please try again.'
  const { code: _code, message: _message, ...details } = body.error ?? {}
  return { code, message, details }
}
