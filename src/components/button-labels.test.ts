import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** The session's three actions read the same on every page, in every role. */
const labels = ['Extend Session', 'Join Session', 'End Session'] as const

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sourceFiles(file)
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [file] : []
  })
}

describe('session action labels', () => {
  it('are written the same way everywhere in the interface', () => {
    const variants: string[] = []
    for (const file of sourceFiles(path.resolve('src'))) {
      const lines = readFileSync(file, 'utf8').split('\n')
      lines.forEach((line, index) => {
        // Comments and log lines are not labels.
        if (/^\s*(\/\/|\*|\/\*)/.test(line) || line.includes('logger()')) return
        for (const match of line.matchAll(/\b(extend|join|end)\s+session\b/gi)) {
          if (!labels.includes(match[0] as (typeof labels)[number])) {
            variants.push(`${path.relative('src', file)}:${index + 1}: ${match[0]}`)
          }
        }
      })
    }
    expect(variants).toEqual([])
  })
})
