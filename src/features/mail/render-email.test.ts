import { describe, expect, test } from 'vitest'
import { escapeHtml, renderEmail } from './render-email'

describe('renderEmail', () => {
  test('user text is escaped in the HTML part and kept as written in the text part', () => {
    const hostile = `<img src=x onerror="alert('x')"> & co`
    const { text, html } = renderEmail({
      greeting: 'Hello,',
      paragraphs: [hostile],
      link: { label: 'Open "it"', url: 'https://example.test/a?b=1&c=<2>' },
    })
    expect(html).not.toContain('<img')
    expect(html).toContain(escapeHtml(hostile))
    expect(html).toContain('href="https://example.test/a?b=1&amp;c=&lt;2&gt;"')
    expect(text).toContain(hostile)
    expect(text).toContain('Open "it": https://example.test/a?b=1&c=<2>')
  })
})
