import { type TunnelKeys, removeTunnelScript } from '@yunguan/contract';
import type { Redis } from 'ioredis';

/** Delete the registry entry only if it still belongs to this SSH session. */
export const removeTunnel = async (
  redis: Redis,
  keys: TunnelKeys,
  datacenterId: string,
  sessionId: string,
): Promise<boolean> => {
  const removed = await redis.eval(removeTunnelScript, 1, keys.tunnel(datacenterId), sessionId);
  return removed === 1;
};
