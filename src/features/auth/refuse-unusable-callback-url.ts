import { AppError } from '@/lib/errors'

/**
 * The auth library redirects to a link's `callbackURL` (email verification) after checking only
 * that it looks like a path or a trusted origin; a value it cannot then parse as a URL makes it
 * answer 500. A usable one is a path on this site or a full address; anything else is refused.
 */
export function refuseUnusableCallbackUrl(url: URL): void {
  const callbackUrl = url.searchParams.get('callbackURL')
  if (callbackUrl === null || callbackUrl === '' || isUsable(callbackUrl)) return
  throw new AppError('bad_request', 'callbackURL must be a path on this site or a full address')
}

function isUsable(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\')
  return URL.canParse(value)
}
