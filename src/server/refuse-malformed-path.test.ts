import { describe, expect, test } from 'vitest'
import { isDecodablePath } from './refuse-malformed-path'

describe('isDecodablePath', () => {
  test.each([
    '/',
    '/api/sessions/0b8c2f3e-5d1a-4f2b-9c3d-1e2f3a4b5c6d',
    '/api/sessions/%25',
    '/sessions/caf%C3%A9',
    '/api/health?x=%',
  ])('accepts %s', (url) => {
    expect(isDecodablePath(url)).toBe(true)
  })

  test.each(['/%', '/api/sessions/%', '/api/sessions/%ff', '/sessions/%E0%A4%A', '/a/%zz'])(
    'refuses %s',
    (url) => {
      expect(isDecodablePath(url)).toBe(false)
    },
  )
})
