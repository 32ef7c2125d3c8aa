import { describe, expect, test } from 'vitest'
import { contentDisposition, sanitizeFileName, withExtension } from './file-names'

describe('sanitizeFileName', () => {
  test('keeps the base name only, without control or bidi-override characters', () => {
    expect(sanitizeFileName('C:\\Users\\me\\dash.jpg')).toBe('dash.jpg')
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(sanitizeFileName('a\r\nb\u0000.txt')).toBe('ab.txt')
  })

  test('leading dots, header-breaking quotes and empty names', () => {
    expect(sanitizeFileName('.bashrc')).toBe('bashrc')
    expect(sanitizeFileName('say "hi".txt')).toBe('say _hi_.txt')
    expect(sanitizeFileName('  ')).toBe('file')
  })

  test('long names are cut to 120 characters with their extension kept', () => {
    const name = sanitizeFileName(`${'x'.repeat(300)}.pdf`)
    expect(name).toHaveLength(120)
    expect(name.endsWith('.pdf')).toBe(true)
  })
})

test('withExtension puts the extension of what the content is', () => {
  expect(withExtension('image.png', 'pdf')).toBe('image.pdf')
  expect(withExtension('photo.JPEG', 'jpg')).toBe('photo.JPEG')
  expect(withExtension('notes', 'txt')).toBe('notes.txt')
})

test('contentDisposition has an ASCII fallback and the exact UTF-8 name', () => {
  expect(contentDisposition('attachment', 'Schaltplan – hinten.pdf')).toBe(
    `attachment; filename="Schaltplan _ hinten.pdf"; filename*=UTF-8''Schaltplan%20%E2%80%93%20hinten.pdf`,
  )
})
