import { type TunnelKeys, type TunnelRecord, tunnelRecordSchema } from '@yunguan/contract';
import type { Redis } from 'ioredis';

/** The gateway entry of a datacenter, or null when no gateway serves it. */
export const readTunnel = async (
  redis: Redis,
  keys: TunnelKeys,
  datacenterId: string,
): Promise<TunnelRecord | null> => {
  const raw = await redis.get(keys.tunnel(datacenterId));
  return raw === null ? null : tunnelRecordSchema.parse(JSON.parse(raw));
};
