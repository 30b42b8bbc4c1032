import type { Redis } from 'ioredis';

/**
 * The wake-up channel of the event log (ADR 0112). Events themselves live in PostgreSQL
 * (`lifecycle_event`, written by the repositories in the transaction of the change); after a
 * commit a writer may `wake()` every API process so that its event feed reads the new rows now
 * rather than on its next poll. A lost wake-up only delays delivery by one poll.
 */
export type EventBus = {
  readonly channel: string;
  wake: () => Promise<void>;
};

export const eventChannelOf = (prefix: string) => `${prefix}events`;

export const createEventBus = (redis: Redis, prefix: string): EventBus => {
  const channel = eventChannelOf(prefix);
  return {
    channel,
    wake: async () => {
      await redis.publish(channel, 'new');
    },
  };
};
