import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Biome picks the files its UI import rule applies to by path (biome.json's override), not by
 * content; this test makes every 'use client' module fall under one of those paths, so none of
 * them can import the database, the server, env or the logger without `npm run lint` failing.
 */

const root = join(import.meta.dirname, '..', '..')

type BiomeConfig = {
  overrides?: {
    includes?: string[]
    linter?: { rules?: { style?: { noRestrictedImports?: unknown } } }
  }[]
}

function uiGlobs(): string[] {
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as BiomeConfig
  const override = config.overrides?.find((o) => o.linter?.rules?.style?.noRestrictedImports)
  return override?.includes ?? []
}

/** `**` is any path, `*` any name part: enough for the globs biome.json uses. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*')
  return new RegExp(`^${source}$`)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('client modules', () => {
  it("fall under biome's UI import rule", () => {
    const globs = uiGlobs().map(globToRegExp)
    expect(globs.length).toBeGreaterThan(0)
    const clientFiles = sourceFiles(join(root, 'src'))
      .filter((file) => /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split(sep).join('/'))
    expect(clientFiles.length).toBeGreaterThan(10)
    expect(clientFiles.filter((file) => !globs.some((glob) => glob.test(file)))).toEqual([])
  })
})
