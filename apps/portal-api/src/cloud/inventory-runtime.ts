import type { Redis } from 'ioredis';
import type { ServiceConfig } from '../services/context';

/**
 * Redis for catalog caches and the inventory queue: the process's shared connection and key
 * prefix, the same ones the task runtime uses (config.tasks), so every deployment and test
 * harness has its own keys.
 */
export const inventoryRedisOf = (
  config: ServiceConfig,
): { redis: Redis; keyPrefix: string; bullPrefix: string } => ({
  redis: config.tasks.connection,
  bullPrefix: config.tasks.bullPrefix,
  keyPrefix: config.tasks.bullPrefix.replace(/bull$/, ''),
});
