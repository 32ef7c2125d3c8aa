'use client'

import { createAuthClient } from 'better-auth/react'

/** Browser side of the auth library; same origin, so no base URL is needed. */
export const authClient = createAuthClient()
