import { randomUUID } from 'node:crypto';
import { type TunnelKeys, tunnelKeys } from '@yunguan/contract';
import { Redis } from 'ioredis';

export const testRedisUrl = 'redis://127.0.0.1:6379';

export type RedisTestScope = {
  redis: Redis;
  prefix: string;
  keys: TunnelKeys;
  cleanup: () => Promise<void>;
};

/** A unique key prefix per test file on the real Redis; cleanup deletes everything under it. */
export const createRedisTestScope = (): RedisTestScope => {
  const prefix = `yg-test:${randomUUID()}:`;
  const redis = new Redis(testRedisUrl, { connectionName: 'tunnel-test' });
  const cleanup = async () => {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (found.length > 0) await redis.del(...found);
    } while (cursor !== '0');
    await redis.quit();
  };
  return { redis, prefix, keys: tunnelKeys(prefix), cleanup };
};
