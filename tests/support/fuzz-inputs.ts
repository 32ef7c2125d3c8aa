import fc from 'fast-check'

/**
 * Hostile inputs for the fuzz tests: ids, strings, JSON values and bodies a client could send.
 * Real ids (the caller's own, other users') are mixed in so requests reach past validation.
 */

/** How many generated requests (and socket events) a fuzz test sends; `FUZZ_RUNS` raises it. */
export function fuzzRuns(fallback: number): number {
  const runs = Number(process.env.FUZZ_RUNS)
  return Number.isInteger(runs) && runs > 0 ? runs : fallback
}

/** The seed to replay a failure with (`FUZZ_SEED`); fast-check picks one otherwise. */
export function fuzzSeed(): number | undefined {
  const seed = Number(process.env.FUZZ_SEED)
  return process.env.FUZZ_SEED && Number.isInteger(seed) ? seed : undefined
}

/** Strings that broke something somewhere once: NUL, lone surrogates, escapes, huge numbers. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\ud83d',
  '🚗🔧',
  'é',
  '\u202e',
  '\r\n',
  '%',
  '%ff',
  '%E0%A4%A',
  '%00',
  '%2e%2e',
  '..',
  '.',
  '/',
  '\\',
  '?',
  '#',
  "' OR 1=1 --",
  '<script>',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e400',
  '9007199254740993',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
  'toString',
]

export const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf']

/** Any string, with every UTF-16 unit possible (lone surrogates and controls included). */
export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 20_000 }).map((n) => 'x'.repeat(n)) },
)

/** An id for a path segment or a payload: one of `known`, a uuid, or garbage. */
export function idFrom(known: readonly string[]) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: anyString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...known).map((id) => `${id.toUpperCase()}`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((id) => `${id} `) },
  )
}

/** A JSON-able value, with prototype-pollution keys and the strings above. */
export function jsonValue(strings: fc.Arbitrary<string>, maxDepth = 4): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...pollutionKeys) },
    { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  )
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 31), 1e308),
      strings,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(key, tie('value'), { maxKeys: 6 }),
    ),
  })).value
}

/** `[[[[…]]]]` or `{"a":{"a":…}}` nested `depth` times. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** Bodies sent as text: broken JSON, escaped NUL and surrogates, deep nesting, big strings. */
export const rawBodies = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"\\u0000"',
    '{"name":"\\ud800","email":"\\udc00@x.y","concern":"\\u0000"}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    'a=1&b=2',
    '\u0000',
    '\ufeff{}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .tuple(
      fc.integer({ min: 1, max: 20_000 }),
      fc.constantFrom('array' as const, 'object' as const),
    )
    .map(([depth, kind]) => deeplyNested(depth, kind)),
)

/** A string of about `bytes` bytes inside a JSON document, near the 1 MB body limit. */
export function bigJson(bytes: number): string {
  return JSON.stringify({ name: 'x'.repeat(bytes), concern: 'y', body: 'z' })
}

/** Header-safe text: what an HTTP client can put in a header at all. */
export const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
})

export const contentTypes = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/jsonx',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  ';;;',
] as const

export const contentLengths = [undefined, '0', '-1', 'abc', '1e400', '99999999999'] as const

export const secFetchSites = [undefined, 'same-origin', 'same-site', 'cross-site', 'none'] as const
