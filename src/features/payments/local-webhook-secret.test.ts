import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { parseEnv } from '@/lib/env'
import { resolveLocalWebhookSecret } from './local-webhook-secret'

const dirs: string[] = []
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'autodoctor-secret-'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('the secret that signs the local checkout’s events', () => {
  test('is random per install and kept across restarts', () => {
    const first = dataDir()
    const second = dataDir()

    const secret = resolveLocalWebhookSecret(parseEnv({ DATA_DIR: first }))
    expect(resolveLocalWebhookSecret(parseEnv({ DATA_DIR: first }))).toBe(secret)
    expect(resolveLocalWebhookSecret(parseEnv({ DATA_DIR: second }))).not.toBe(secret)
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    // Readable by the owner only.
    expect(statSync(path.join(first, 'local-webhook-secret')).mode & 0o077).toBe(0)
  })

  test('is derived from AUTH_SECRET when there is one, so every instance agrees', () => {
    const env = (dir: string) => parseEnv({ DATA_DIR: dir, AUTH_SECRET: 'a'.repeat(40) })
    const secret = resolveLocalWebhookSecret(env(dataDir()))
    expect(resolveLocalWebhookSecret(env(dataDir()))).toBe(secret)
    expect(
      resolveLocalWebhookSecret(parseEnv({ DATA_DIR: dataDir(), AUTH_SECRET: 'b'.repeat(40) })),
    ).not.toBe(secret)
  })

  test('is the operator’s own when LOCAL_WEBHOOK_SECRET is set', () => {
    const env = parseEnv({ DATA_DIR: dataDir(), LOCAL_WEBHOOK_SECRET: 'whsec_operator_chosen_1' })
    expect(resolveLocalWebhookSecret(env)).toBe('whsec_operator_chosen_1')
  })
})
