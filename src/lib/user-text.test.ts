import { describe, expect, test } from 'vitest'
import { isStorableText, userText } from './user-text'

describe('isStorableText', () => {
  test.each([
    ['plain text', 'Toyota Corolla'],
    ['tabs and line breaks', 'line one\r\nline two\tend'],
    ['emoji (surrogate pairs)', 'brakes 🚗🔧 squeal'],
    ['accents and CJK', 'Škoda 日本'],
  ])('keeps %s', (_case, text) => {
    expect(isStorableText(text)).toBe(true)
  })

  test.each([
    ['NUL', 'T\u0000'],
    ['another control character', 'bell\u0007'],
    ['DEL', 'x\u007f'],
    ['a lone high surrogate', 'a\ud83d'],
    ['a lone low surrogate', '\ude97b'],
    ['swapped surrogates', '\ude97\ud83d'],
  ])('refuses %s', (_case, text) => {
    expect(isStorableText(text)).toBe(false)
  })
})

test('userText trims before its length checks and refuses what cannot be stored', () => {
  const schema = userText().min(1).max(5)
  expect(schema.parse('  abc  ')).toBe('abc')
  expect(schema.safeParse('a\u0000b').success).toBe(false)
  expect(schema.safeParse('      ').success).toBe(false)
})
