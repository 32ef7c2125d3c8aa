import { expect, test } from 'vitest'
import { createMessageCursor } from './message-cursor'

test('the cursor follows messages seen in order', () => {
  const cursor = createMessageCursor()
  for (const seq of [1, 2, 3]) cursor.see(seq)
  expect(cursor.value).toBe(3)
  expect(cursor.hasGap).toBe(false)
})

test('a message seen past a hole does not move the cursor until the hole is filled', () => {
  const cursor = createMessageCursor()
  cursor.see(1)
  cursor.see(3)
  cursor.see(4)
  expect(cursor.value).toBe(1)
  expect(cursor.hasGap).toBe(true)

  cursor.see(2)
  expect(cursor.value).toBe(4)
  expect(cursor.hasGap).toBe(false)
})

test('a message seen again changes nothing', () => {
  const cursor = createMessageCursor()
  for (const seq of [1, 2, 2, 1]) cursor.see(seq)
  expect(cursor.value).toBe(2)
  expect(cursor.hasGap).toBe(false)
})
