import { type TunnelKeys, allocatePortScript, releasePortScript } from '@yunguan/contract';
import type { Redis } from 'ioredis';

export type PortRange = { first: number; last: number };

/**
 * The datacenter's port from the range: the one it already has, or the lowest free one.
 * Atomic in Redis, so gateway replicas and portal-api instances never hand out a port twice.
 */
export const allocatePort = async (
  redis: Redis,
  keys: TunnelKeys,
  prefix: string,
  datacenterId: string,
  range: PortRange,
): Promise<number> => {
  const port = Number(
    await redis.eval(
      allocatePortScript,
      1,
      keys.portOf(datacenterId),
      prefix,
      datacenterId,
      range.first,
      range.last,
    ),
  );
  if (port < 0) throw new Error(`tunnel port range ${range.first}-${range.last} is exhausted`);
  return port;
};

/** Give the datacenter's port back (datacenter deleted). Returns the freed port or null. */
export const releasePort = async (
  redis: Redis,
  keys: TunnelKeys,
  prefix: string,
  datacenterId: string,
): Promise<number | null> => {
  const port = Number(
    await redis.eval(releasePortScript, 1, keys.portOf(datacenterId), prefix, datacenterId),
  );
  return port < 0 ? null : port;
};
