import type { TokenCache } from '@yunguan/notifications';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { SecretBox } from '../../security/secret-box';

export const NOTIFY_QUEUE = 'notifications';
/** The one job that sends one delivery (src/jobs/notification-deliver.job.ts); job id = delivery id. */
export const NOTIFY_JOB = 'notification.deliver';

export type NotificationSettings = {
  /** Attempts of one delivery before it is dead-lettered. */
  maxAttempts: number;
  /** First back-off between attempts (doubles each time). */
  retryDelayMs: number;
  /** Longest one send may take (SMTP dialogue, HTTP call) before it counts as failed. */
  sendTimeoutMs: number;
  /** Deliveries the worker sends at once, over all channels. */
  concurrency: number;
  /** Deliveries of one channel in flight at once: a slow channel holds at most this many slots. */
  channelConcurrency: number;
};

export const defaultNotificationSettings: NotificationSettings = {
  maxAttempts: 6,
  retryDelayMs: 5_000,
  sendTimeoutMs: 15_000,
  concurrency: 8,
  channelConcurrency: 2,
};

export const notifyJobOptions: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Per-channel gates shared by every worker process (Redis): rate and in-flight sends. */
export type ChannelGate = {
  /** null: go; a number: wait this many ms (the channel's rate per minute is used up). */
  takeRate(channelId: string, perMinute: number): Promise<number | null>;
  /** null: a slot is held (give it back with release); a number: wait (all slots busy). */
  takeSlot(channelId: string): Promise<number | null>;
  release(channelId: string): Promise<void>;
};

export type NotificationRuntime = {
  settings: NotificationSettings;
  bullPrefix: string;
  connection: Redis;
  tokenCache: TokenCache;
  gate: ChannelGate;
  /** Redis list the demo's SMTP server fills (npm run demo only; null elsewhere). */
  demoMailboxKey: string | null;
  /** Add one job per delivery (a delivery that has a job already is left alone). */
  enqueue: (deliveryIds: readonly string[]) => Promise<void>;
  close: () => Promise<void>;
};

const waitOf = (error: unknown): number => {
  if (error instanceof RateLimiterRes) return Math.max(error.msBeforeNext, 50);
  throw error;
};

const createGate = (
  redis: Redis,
  keyPrefix: string,
  settings: NotificationSettings,
): ChannelGate => {
  const rates = new Map<number, RateLimiterRedis>();
  const rateOf = (points: number) => {
    let limiter = rates.get(points);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}notify-rate-${points}`,
        points,
        duration: 60,
      });
      rates.set(points, limiter);
    }
    return limiter;
  };
  // In-flight slots: points = slots; a slot a crashed worker never gave back expires. Made on
  // first use, so settings changed after start-up (tests) apply.
  let slotLimiter: RateLimiterRedis | null = null;
  const slots = () =>
    (slotLimiter ??= new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}notify-slots`,
      points: settings.channelConcurrency,
      duration: Math.ceil((settings.sendTimeoutMs * 2) / 1000) + 5,
    }));
  return {
    // A refused consume still counts in rate-limiter-flexible: give the point back, so waiting
    // jobs do not use up the window they wait for.
    takeRate: async (channelId, perMinute) => {
      const limiter = rateOf(perMinute);
      try {
        await limiter.consume(channelId);
        return null;
      } catch (error) {
        const wait = waitOf(error);
        await limiter.reward(channelId, 1);
        return wait;
      }
    },
    takeSlot: async (channelId) => {
      try {
        await slots().consume(channelId);
        return null;
      } catch (error) {
        const wait = Math.min(waitOf(error), 500);
        await slots().reward(channelId, 1);
        return wait;
      }
    },
    release: async (channelId) => {
      await slots().reward(channelId, 1);
    },
  };
};

/** WeCom access tokens in Redis, sealed (a token is a credential), expiring with the token. */
const createTokenCache = (redis: Redis, keyPrefix: string, box: SecretBox): TokenCache => ({
  get: async (key) => {
    const sealed = await redis.get(`${keyPrefix}${key}`);
    return sealed ? box.open(sealed) : null;
  },
  set: async (key, token, ttlMs) => {
    await redis.set(`${keyPrefix}${key}`, box.seal(token), 'PX', ttlMs);
  },
  delete: async (key) => {
    await redis.del(`${keyPrefix}${key}`);
  },
});

export const createNotificationRuntime = (
  redis: Redis,
  keyPrefix: string,
  box: SecretBox,
  settings: NotificationSettings = defaultNotificationSettings,
  demoMailbox = false,
): NotificationRuntime => {
  const bullPrefix = `${keyPrefix}bull`;
  let queue: Queue | null = null;
  const queueOf = () =>
    (queue ??= new Queue(NOTIFY_QUEUE, { connection: redis, prefix: bullPrefix }));
  return {
    settings,
    bullPrefix,
    connection: redis,
    tokenCache: createTokenCache(redis, keyPrefix, box),
    gate: createGate(redis, keyPrefix, settings),
    demoMailboxKey: demoMailbox ? `${keyPrefix}demo-mailbox` : null,
    enqueue: async (ids) => {
      if (ids.length === 0) return;
      await queueOf().addBulk(
        ids.map((id) => ({
          name: NOTIFY_JOB,
          data: { notificationId: id },
          opts: {
            ...notifyJobOptions,
            attempts: settings.maxAttempts,
            backoff: { type: 'exponential', delay: settings.retryDelayMs },
            jobId: id,
          },
        })),
      );
    },
    close: async () => {
      if (queue) await queue.close();
      queue = null;
    },
  };
};
