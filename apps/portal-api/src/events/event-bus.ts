import { randomUUID } from 'node:crypto';
import { portalEventSchema, type PortalEvent } from '@yunguan/contract';
import type { Redis } from 'ioredis';

/** Events without their `id` and `at`: the bus stamps them. */
export type NewPortalEvent = PortalEvent extends infer E
  ? E extends PortalEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;

/** Redis pub/sub for portal events (task transitions, mirror changes). One channel per prefix. */
export type EventBus = {
  readonly channel: string;
  publish: (event: NewPortalEvent) => Promise<void>;
};

export const eventChannelOf = (prefix: string) => `${prefix}events`;

export const createEventBus = (redis: Redis, prefix: string, now = () => new Date()): EventBus => {
  const channel = eventChannelOf(prefix);
  return {
    channel,
    publish: async (event) => {
      const full = portalEventSchema.parse({
        ...event,
        id: randomUUID(),
        at: now().toISOString(),
      });
      await redis.publish(channel, JSON.stringify(full));
    },
  };
};
