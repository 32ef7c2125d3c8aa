import { describe, expect, test } from 'vitest'
import { safeReturnPath } from './safe-return-path'

describe('safeReturnPath', () => {
  test.each([['/admin'], ['/admin/mechanics'], ['/chat/123?tab=files#latest'], ['/']])(
    'follows the same-site path %s',
    (path) => {
      expect(safeReturnPath(path)).toBe(path)
    },
  )

  test.each([
    ['//evil.example/admin'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['admin'],
    [''],
    [null],
    [undefined],
  ])('refuses %s', (value) => {
    expect(safeReturnPath(value)).toBeNull()
  })
})
