import { z } from 'zod'

/**
 * Server configuration, parsed once. Every variable has an embedded default or is optional so the
 * app starts with no env at all; a value that is present but invalid stops the start.
 */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyAsUndefined, schema.optional())

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  /** Public origin of the app; used for auth callbacks, Origin checks and links in email. */
  APP_URL: optional(z.url()),
  /** A PostgreSQL URL. Unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://')),
  /** Where embedded data lives (PGlite, local files, local mail). */
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
  /** Secret for session cookies and signed URLs. Required in production when APP_URL is https. */
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  /** Seed the demo accounts on start. Default: on, except on a public (https APP_URL) deployment. */
  SEED_DEMO_USERS: optional(z.enum(['true', 'false'])),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Failed sign-ins allowed per account from one IP within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(10)),
  /** Failed sign-ins allowed per IP, whatever the accounts, within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES_PER_IP: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).default(50),
  ),
  LOGIN_WINDOW_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(15)),
  /** New accounts (customers and mechanic applications) per client IP per hour. */
  SIGN_UPS_PER_IP_PER_HOUR: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).default(10),
  ),
  /** Trust X-Forwarded-For for the client IP (only behind a proxy you control). */
  TRUST_PROXY: optional(z.enum(['true', 'false'])),

  /** Real Stripe Checkout when both are set; otherwise the local test-mode checkout. */
  STRIPE_SECRET_KEY: optional(z.string().regex(/^(sk|rk)_/, 'must start with sk_ or rk_')),
  STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_/, 'must start with whsec_')),
  /** Signs the local checkout's events. Unset: derived from AUTH_SECRET, or random per install. */
  LOCAL_WEBHOOK_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  /** A public (https) production deployment without Stripe keys starts only with this set. */
  ALLOW_LOCAL_CHECKOUT: optional(z.enum(['true', 'false'])),

  /** Every plan lasts this many seconds instead of its minutes (demos and tests). */
  SESSION_SECONDS_OVERRIDE: optional(z.coerce.number().int().min(5)),
  /** A participant counts as dropped when their last connection has been gone this long. */
  PRESENCE_GRACE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).default(5)),
  /** A session that stays in reconnecting this long ends (reason participant_lost). */
  RECONNECT_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).default(300)),
  /** A paid request nobody accepts within this time expires and is refunded. */
  REQUEST_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).default(900)),
  /** How often the clock loop looks for sessions to end. */
  SWEEP_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).default(250)),
  JOB_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).default(1000)),

  /** How often each instance runs the session monitor in-process. */
  MONITOR_INTERVAL_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(50).default(30_000),
  ),
  /** A mechanic who accepted is nudged once when nobody has opened the room after this long. */
  MONITOR_START_NUDGE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).default(180),
  ),
  /** Admins are alerted once when a session waits this long for its second participant. */
  MONITOR_WAITING_ALERT_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).default(120),
  ),
  /** A live or reconnecting session is ended (reason max_duration) this long after it started. */
  MONITOR_MAX_SESSION_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(60)
      .default(3 * 60 * 60),
  ),
  /** An open checkout this old is asked about at the payment provider (its webhook may be lost). */
  MONITOR_CHECKOUT_STALE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
  ),
  /** Enables POST /api/cron/session-monitor with `Authorization: Bearer <CRON_SECRET>`. */
  CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  /** Enables GET /metrics with `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  /** An SMTP server for email (smtp:// or smtps://). Unset: emails are written to DATA_DIR/mail. */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')),
  /** The sender of every email. */
  MAIL_FROM: z.preprocess(
    emptyAsUndefined,
    z.string().default('AutoDoctor <no-reply@autodoctor.local>'),
  ),
  /** Where shared files live: `disk` under DATA_DIR/files, or any S3-compatible bucket. */
  FILE_STORAGE: z.preprocess(emptyAsUndefined, z.enum(['disk', 's3']).default('disk')),
  /** The largest file a participant may share, in MB. */
  FILE_MAX_MB: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1024).default(10)),
  /** How long a download URL stays valid after it is minted. */
  FILE_URL_TTL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(604_800).default(3600),
  ),
  /** An object whose row has not appeared this long after its upload began is deleted. */
  FILE_ORPHAN_GRACE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).default(3600),
  ),
  /** Signs local download URLs. Unset: derived from AUTH_SECRET, or random per install. */
  FILE_URL_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  /** STUN servers for calls, comma-separated (`stun:stun.example.com:3478`). Unset: none. */
  STUN_URLS: optional(
    z.string().regex(/^stuns?:[^,\s]+(,stuns?:[^,\s]+)*$/, 'must be stun: URLs, comma-separated'),
  ),
  /** TURN servers for calls, comma-separated (`turn:turn.example.com:3478?transport=udp`). */
  TURN_URLS: optional(
    z.string().regex(/^turns?:[^,\s]+(,turns?:[^,\s]+)*$/, 'must be turn: URLs, comma-separated'),
  ),
  /** coturn's `static-auth-secret`: TURN credentials are minted from it per participant. */
  TURN_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  /** How long a minted TURN credential is valid; a call asks again on every ICE restart. */
  TURN_TTL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(60).max(86_400).default(3600),
  ),
  /** `relay` makes every call go through TURN (hides participants' addresses from each other). */
  ICE_TRANSPORT_POLICY: z.preprocess(emptyAsUndefined, z.enum(['all', 'relay']).default('all')),
  S3_BUCKET: optional(z.string().min(3)),
  S3_REGION: z.preprocess(emptyAsUndefined, z.string().default('us-east-1')),
  /** For MinIO, R2 and other S3-compatible services; unset for AWS. */
  S3_ENDPOINT: optional(z.url()),
  /** `true` for services that want `endpoint/bucket/key` URLs (MinIO). */
  S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false'])),
  /** Unset: the AWS SDK's own credential chain (instance roles, AWS_* variables, profiles). */
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
})

export type ServerEnv = z.infer<typeof serverEnvSchema> & {
  appUrl: string
  authSecret: string
  seedDemoUsers: boolean
  trustProxy: boolean
  allowLocalCheckout: boolean
}

const DEV_AUTH_SECRET = 'autodoctor-local-development-secret-not-for-production'

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = result.data
  const isProduction = env.NODE_ENV === 'production'
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    throw new EnvError(
      'Invalid environment:\n  STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: set both or neither',
    )
  }
  if (env.TURN_URLS && !env.TURN_SECRET) {
    throw new EnvError('Invalid environment:\n  TURN_SECRET: required when TURN_URLS is set')
  }
  if (env.ICE_TRANSPORT_POLICY === 'relay' && !env.TURN_URLS) {
    throw new EnvError('Invalid environment:\n  ICE_TRANSPORT_POLICY: relay needs TURN_URLS')
  }
  if (env.FILE_STORAGE === 's3' && !env.S3_BUCKET) {
    throw new EnvError('Invalid environment:\n  S3_BUCKET: required when FILE_STORAGE is s3')
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError(
      'Invalid environment:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither',
    )
  }
  // A public deployment (https) must bring its own secret; a local run uses the built-in one.
  const isPublic = env.APP_URL?.startsWith('https:') ?? false
  if (isProduction && isPublic && !env.AUTH_SECRET) {
    throw new EnvError(
      'Invalid environment:\n  AUTH_SECRET: required in production when APP_URL is https',
    )
  }
  // Without Stripe the local checkout marks anything paid for free: never by accident in public.
  const allowLocalCheckout = env.ALLOW_LOCAL_CHECKOUT === 'true'
  if (isProduction && isPublic && !env.STRIPE_SECRET_KEY && !allowLocalCheckout) {
    throw new EnvError(
      'Invalid environment:\n  STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: required in production when APP_URL is https (set ALLOW_LOCAL_CHECKOUT=true for a demo that takes no real payments)',
    )
  }
  return {
    ...env,
    allowLocalCheckout,
    appUrl: env.APP_URL ?? `http://localhost:${env.PORT}`,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    seedDemoUsers: env.SEED_DEMO_USERS ? env.SEED_DEMO_USERS === 'true' : !isPublic,
    trustProxy: env.TRUST_PROXY === 'true',
  }
}

const globalForEnv = globalThis as unknown as { __autodoctorEnv?: ServerEnv }

/** The parsed server env; the single reader of process.env in the codebase. */
export function env(): ServerEnv {
  globalForEnv.__autodoctorEnv ??= parseEnv(process.env)
  return globalForEnv.__autodoctorEnv
}
