import { Redis } from 'ioredis';
import { createPrisma } from './db/prisma';
import type { Env } from './env';
import type { AppDeps } from './http/deps';
import { fastTestCost, productionCost } from './security/password';
import { createSecretBox } from './security/secret-box';

/** Wire the process-wide dependencies from validated configuration. */
export const createDeps = (env: Env): AppDeps => ({
  env,
  db: createPrisma(env.DATABASE_URL),
  redis: new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false }),
  config: {
    hashCost: env.YUNGUAN_FAST_HASH ? fastTestCost : productionCost,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600 * 1000,
    secretBox: createSecretBox(env.YUNGUAN_SECRET_KEY),
  },
});

export const closeDeps = async (deps: AppDeps): Promise<void> => {
  await deps.db.$disconnect();
  deps.redis.disconnect();
};
