import { randomUUID } from 'node:crypto';
import { type TunnelKeys, tunnelKeys } from '@yunguan/contract';
import { Redis } from 'ioredis';
import { testRedisUrl } from './database';

export type RedisTestScope = {
  redis: Redis;
  prefix: string;
  keys: TunnelKeys;
  cleanup: () => Promise<void>;
};

/** A unique key prefix per test file on the test run's real Redis (global setup); cleanup deletes everything under it. */
export const createRedisTestScope = (): RedisTestScope => {
  const prefix = `yg-test:${randomUUID()}:`;
  const redis = new Redis(testRedisUrl(), { connectionName: 'tunnel-test' });
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
