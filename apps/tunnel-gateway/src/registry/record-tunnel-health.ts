import { type TunnelHealth, type TunnelKeys, tunnelHealthSchema } from '@yunguan/contract';
import type { Redis } from 'ioredis';

/**
 * Store the latest probe result; publish it on the status channel when the state changed.
 * The health key outlives the tunnel entry so the portal can show "offline since".
 */
export const recordTunnelHealth = async (
  redis: Redis,
  keys: TunnelKeys,
  health: TunnelHealth,
): Promise<void> => {
  const value = JSON.stringify(tunnelHealthSchema.parse(health));
  const key = keys.tunnelHealth(health.datacenterId);
  const previous = await redis.set(key, value, 'GET');
  const previousState =
    previous === null ? null : tunnelHealthSchema.parse(JSON.parse(previous)).state;
  if (previousState !== health.state) await redis.publish(keys.statusChannel, value);
};
