import {
  type GatewayAnnouncement,
  type TunnelKeys,
  gatewayAnnouncementSchema,
} from '@yunguan/contract';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

export type GatewayAnnouncer = {
  /** Stop refreshing and delete the announcement (clean stop). */
  stop: () => Promise<void>;
};

/**
 * Tell the portal this gateway exists: where agents dial it and which host key they pin.
 * Written at once (start fails if Redis refuses), refreshed every third of the TTL, deleted on a
 * clean stop; a crashed gateway's announcement expires by itself within the TTL.
 */
export const announceGateway = async (opts: {
  redis: Redis;
  keys: TunnelKeys;
  announcement: GatewayAnnouncement;
  ttlS: number;
  log: Logger;
}): Promise<GatewayAnnouncer> => {
  const { redis, keys, log } = opts;
  const key = keys.gateway(opts.announcement.gatewayId);
  const value = JSON.stringify(gatewayAnnouncementSchema.parse(opts.announcement));
  const write = async () => {
    await redis.set(key, value, 'EX', opts.ttlS);
  };
  await write();
  let failing = false;
  let refreshing: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      refreshing = write().then(
        () => {
          if (failing) log.info('gateway announcement refreshed again');
          failing = false;
        },
        (err: unknown) => {
          // Keep trying: the next refresh may succeed before the announcement expires.
          if (!failing) {
            log.error(
              { err: err instanceof Error ? err.message : String(err) },
              'could not refresh the gateway announcement',
            );
          }
          failing = true;
        },
      );
    },
    Math.floor((opts.ttlS * 1000) / 3),
  );
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await refreshing; // a refresh still in flight must not bring the key back after DEL
      await redis.del(key);
    },
  };
};
