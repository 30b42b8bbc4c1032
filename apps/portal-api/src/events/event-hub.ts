import { portalEventSchema, type PortalEvent } from '@yunguan/contract';
import type { Redis } from 'ioredis';

export type EventListener = (event: PortalEvent) => void;

/**
 * One Redis subscription per API process, fanned out in memory to every open SSE stream.
 * Subscribes on the first listener and unsubscribes after the last.
 */
export type EventHub = {
  listen: (listener: EventListener) => Promise<() => void>;
  close: () => Promise<void>;
};

export const createEventHub = (
  redis: Redis,
  channel: string,
  onBadMessage: (error: unknown) => void,
): EventHub => {
  const listeners = new Set<EventListener>();
  let subscriber: Redis | null = null;
  let ready: Promise<void> | null = null;

  const start = (): Promise<void> => {
    const sub = redis.duplicate({ lazyConnect: false });
    subscriber = sub;
    sub.on('message', (_channel: string, raw: string) => {
      let event: PortalEvent;
      try {
        event = portalEventSchema.parse(JSON.parse(raw));
      } catch (error) {
        onBadMessage(error);
        return;
      }
      for (const listener of listeners) listener(event);
    });
    return sub.subscribe(channel).then(() => undefined);
  };

  return {
    listen: async (listener) => {
      const starting = (ready ??= start());
      try {
        await starting;
      } catch (error) {
        // A failed subscription is not kept: the next listener starts a fresh one.
        if (ready === starting) {
          ready = null;
          const sub = subscriber;
          subscriber = null;
          sub?.disconnect();
        }
        throw error;
      }
      // Added only once subscribed, so a caller that gets an error has nothing to undo.
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: async () => {
      listeners.clear();
      const sub = subscriber;
      subscriber = null;
      ready = null;
      if (sub) {
        await sub.unsubscribe(channel).catch((error: unknown) => onBadMessage(error));
        sub.disconnect();
      }
    },
  };
};
