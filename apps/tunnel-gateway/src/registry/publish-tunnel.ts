import { type TunnelKeys, type TunnelRecord, tunnelRecordSchema } from '@yunguan/contract';
import type { Redis } from 'ioredis';

/** Announce (or refresh) which gateway serves a datacenter. Expires unless refreshed. */
export const publishTunnel = async (
  redis: Redis,
  keys: TunnelKeys,
  record: TunnelRecord,
  ttlMs: number,
): Promise<void> => {
  const value = JSON.stringify(tunnelRecordSchema.parse(record));
  await redis.set(keys.tunnel(record.datacenterId), value, 'PX', ttlMs);
};
