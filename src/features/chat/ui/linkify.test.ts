import { describe, expect, it } from 'vitest'
import { linkify } from './linkify'

describe('linkify', () => {
  it('turns http and https addresses into links and leaves the sentence around them', () => {
    expect(linkify('See https://example.com/manual?page=2. Then http://a.b/c!')).toEqual([
      { kind: 'text', text: 'See ' },
      {
        kind: 'link',
        text: 'https://example.com/manual?page=2',
        href: 'https://example.com/manual?page=2',
      },
      { kind: 'text', text: '. Then ' },
      { kind: 'link', text: 'http://a.b/c', href: 'http://a.b/c' },
      { kind: 'text', text: '!' },
    ])
  })

  it('never links other schemes or broken addresses', () => {
    for (const body of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'example.com',
      'https://',
      'JaVaScRiPt:https://x.y',
    ]) {
      expect(
        linkify(body)
          .filter((part) => part.kind === 'link')
          .map((part) => part.text),
      ).toEqual(body.startsWith('JaVa') ? ['https://x.y'] : [])
    }
  })

  it('keeps plain text as it is', () => {
    expect(linkify('no links here\nat all')).toEqual([
      { kind: 'text', text: 'no links here\nat all' },
    ])
  })
})
