'use client'

import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * False on the server and during hydration, true once React owns the page. Buttons that only
 * work with JavaScript stay disabled until then, so an early click is not silently lost (and a
 * form is not submitted the browser's way).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}
