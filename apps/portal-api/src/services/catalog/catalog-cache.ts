import { inventoryRedisOf } from '../../cloud/inventory-runtime';
import type { ServiceConfig } from '../context';

/** Datacenter-wide catalog lists change rarely: keep them this long in Redis. */
export const CATALOG_CACHE_SECONDS = 30;

/**
 * Read-through cache for datacenter-wide catalog lists (flavors, zones). Redis holds JSON for
 * CATALOG_CACHE_SECONDS; a miss asks the cloud. Errors are never cached.
 */
export const cachedCatalog = async <T>(
  config: ServiceConfig,
  key: { datacenterId: string; list: string },
  load: () => Promise<T>,
): Promise<T> => {
  const { redis, keyPrefix } = inventoryRedisOf(config);
  const redisKey = `${keyPrefix}catalog:${key.datacenterId}:${key.list}`;
  const hit = await redis.get(redisKey);
  if (hit !== null) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(redisKey, JSON.stringify(value), 'EX', CATALOG_CACHE_SECONDS);
  return value;
};

/** Forget a datacenter's cached lists (its credentials changed). */
export const forgetCatalog = async (config: ServiceConfig, datacenterId: string) => {
  const { redis, keyPrefix } = inventoryRedisOf(config);
  await redis.del(
    `${keyPrefix}catalog:${datacenterId}:flavors`,
    `${keyPrefix}catalog:${datacenterId}:availability-zones`,
    `${keyPrefix}catalog:${datacenterId}:capabilities`,
  );
};
