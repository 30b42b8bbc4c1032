import { Redis } from 'ioredis';
import { createPrisma } from './db/prisma';
import type { Env } from './env';
import type { AppDeps } from './http/deps';
import { fastTestCost, productionCost } from './security/password';
import { createSecretBox } from './security/secret-box';
import { createNotificationRuntime } from './services/notifications/notification-runtime';
import { createPrincipalCache } from './services/auth/principal-cache';
import { createTaskRuntime } from './services/tasks/task-runtime';
import { createTunnelRegistry } from './tunnel/tunnel-registry';

/** Wire the process-wide dependencies from validated configuration. */
export const createDeps = (env: Env): AppDeps => {
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
  const secretBox = createSecretBox(env.YUNGUAN_SECRET_KEY);
  return {
    env,
    db: createPrisma(env.DATABASE_URL, env.DATABASE_POOL_SIZE),
    redis,
    config: {
      hashCost: env.YUNGUAN_FAST_HASH ? fastTestCost : productionCost,
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600 * 1000,
      secretBox,
      principals: createPrincipalCache(),
      tunnel: {
        registry: createTunnelRegistry(redis, {
          prefix: env.REDIS_KEY_PREFIX,
          portRange: env.TUNNEL_PORT_RANGE,
        }),
        publicUrl: env.YUNGUAN_PUBLIC_URL,
        callTimeoutMs: env.TUNNEL_CALL_TIMEOUT_MS,
      },
      tasks: createTaskRuntime(redis, env.REDIS_KEY_PREFIX, {
        followIntervalMs: env.TASK_FOLLOW_INTERVAL_MS,
        deadlineMs: env.TASK_DEADLINE_MS,
        staleAfterMs: env.TASK_STALE_AFTER_MS,
        maxAttempts: env.TASK_MAX_ATTEMPTS,
        lockMs: env.TASK_LOCK_MS,
        concurrency: env.TASK_CONCURRENCY,
        reconcileEveryMs: env.TASK_RECONCILE_EVERY_MS,
        retryDelayMs: env.TASK_RETRY_DELAY_MS,
      }),
      notifications: createNotificationRuntime(
        redis,
        env.REDIS_KEY_PREFIX,
        secretBox,
        {
          maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
          retryDelayMs: env.NOTIFY_RETRY_DELAY_MS,
          sendTimeoutMs: env.NOTIFY_SEND_TIMEOUT_MS,
          concurrency: env.NOTIFY_CONCURRENCY,
          channelConcurrency: env.NOTIFY_CHANNEL_CONCURRENCY,
        },
        env.DEMO_SMTP_PORT !== undefined,
      ),
    },
  };
};

export const closeDeps = async (deps: AppDeps): Promise<void> => {
  await deps.config.tasks.close();
  await deps.config.notifications.close();
  await deps.db.$disconnect();
  deps.redis.disconnect();
};
