import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  /** Connections in this process's PostgreSQL pool (pg's default is 10). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** 32 bytes, base64 — encrypts secrets at rest (TOTP seeds, later cloud credentials). */
  YUNGUAN_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** auto: Secure cookies when the request came over TLS (directly or via a trusted proxy). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** false, true (any proxy), or a comma list of proxy addresses/CIDRs to trust for
   * X-Forwarded-For / -Proto (the demo trusts its own web server on 127.0.0.1). */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | string[] =>
      v === 'true'
        ? true
        : v === 'false'
          ? false
          : v
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where users and agents reach the portal (the web origin); used in install commands. */
  YUNGUAN_PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  /** Tunnel registry (docs/adr/0101); must match the gateways' settings. */
  REDIS_KEY_PREFIX: z.string().min(1).default('yg:'),
  TUNNEL_PORT_RANGE: z
    .string()
    .regex(/^\d+-\d+$/, 'first-last, e.g. 20000-29999')
    .default('20000-29999')
    .transform((v) => {
      const [first, last] = v.split('-').map(Number) as [number, number];
      return { first, last };
    }),
  /** Upper bound for one call through a tunnel. */
  TUNNEL_CALL_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Tasks (src/services/tasks/task-runtime.ts): follow interval, deadline, stale heartbeat,
   * claims before giving up, BullMQ lock, worker concurrency, reconcile period. */
  TASK_FOLLOW_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
  TASK_DEADLINE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(15 * 60_000),
  TASK_STALE_AFTER_MS: z.coerce.number().int().min(1_000).default(90_000),
  TASK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  TASK_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  TASK_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  TASK_RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).default(30_000),
  TASK_RETRY_DELAY_MS: z.coerce.number().int().min(10).default(2_000),
  /** Days of lifecycle events kept for SSE replay and readers of the log (pruned hourly). */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Notifications (ADR 0119): attempts before a delivery is dead, first back-off (doubling),
   * the longest one send may take, sends at once in the worker, and sends at once per channel. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  NOTIFY_RETRY_DELAY_MS: z.coerce.number().int().min(10).default(5_000),
  NOTIFY_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(8),
  NOTIFY_CHANNEL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  /** `npm run demo` only: run a local SMTP server on this loopback port as the demo mailbox. */
  DEMO_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Largest image file accepted by PUT …/images/:id/file (streamed, never buffered). */
  IMAGE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 ** 3),
  /** Lower scrypt cost for tests only; refused in production. */
  YUNGUAN_FAST_HASH: bool.default(false),
});

export type Env = z.infer<typeof schema>;

export const loadEnv = (source: NodeJS.ProcessEnv = process.env): Env => {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid portal-api configuration:\n${lines.join('\n')}`);
  }
  if (result.data.NODE_ENV === 'production' && result.data.YUNGUAN_FAST_HASH) {
    throw new Error('YUNGUAN_FAST_HASH must not be set in production');
  }
  return result.data;
};

/** The migrator and seeder need only the database (and the demo password for seeding). */
export const loadDatabaseEnv = (source: NodeJS.ProcessEnv = process.env) => {
  const result = z
    .object({
      DATABASE_URL: schema.shape.DATABASE_URL,
      YUNGUAN_DEMO_PASSWORD: z
        .string()
        .min(10, 'the demo password needs at least 10 characters')
        .default('yunguan-demo'),
      YUNGUAN_SECRET_KEY: schema.shape.YUNGUAN_SECRET_KEY.optional(),
      YUNGUAN_FAST_HASH: schema.shape.YUNGUAN_FAST_HASH,
    })
    .safeParse(source);
  if (!result.success) {
    throw new Error(
      `Invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
};
