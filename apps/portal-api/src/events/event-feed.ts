import type { Redis } from 'ioredis';
import type { DbClient } from '../repositories/db-client';
import {
  eventSeqBounds,
  readEventsAfter,
  readEventsInRanges,
  type LifecycleEventRow,
} from '../repositories/lifecycle-event-repository';
import { advanceHead, withoutSeqs, type HeadState, type SeqRange } from './seq-window';

/** `late`: a row that committed after the feed had skipped its seq (delivered out of order). */
export type FeedListener = (rows: LifecycleEventRow[], late: boolean) => void;

export type EventFeedSettings = {
  /** Read the log this often even without a wake-up (mirror writes do not wake). */
  pollMs: number;
  /** Hold back behind a gap in seq this long before skipping it. */
  gapWaitMs: number;
  /** Keep looking for the rows of a skipped gap this long. */
  lateWatchMs: number;
  /** Rows per read. */
  batch: number;
};

export const defaultEventFeedSettings: EventFeedSettings = {
  pollMs: 1_000,
  gapWaitMs: 3_000,
  lateWatchMs: 120_000,
  batch: 500,
};

/**
 * One reader of the event log per API process (ADR 0112), fanned out in memory to every open SSE
 * stream. It reads `lifecycle_event` after its head when Redis wakes it (a writer committed) and
 * on a poll; rows are delivered in seq order. `listen` answers the head at the time of joining:
 * the listener gets every row after it, and replays what it missed up to it from the log itself.
 */
export type EventFeed = {
  listen: (listener: FeedListener) => Promise<{ head: bigint; unlisten: () => void }>;
  close: () => Promise<void>;
};

export const createEventFeed = (opts: {
  db: DbClient;
  redis: Redis;
  channel: string;
  onError: (error: unknown) => void;
  settings?: EventFeedSettings;
}): EventFeed => {
  const settings = opts.settings ?? defaultEventFeedSettings;
  const listeners = new Set<FeedListener>();
  let state: HeadState = { head: 0n, gapSince: null };
  let late: (SeqRange & { until: number })[] = [];
  let subscriber: Redis | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let ready: Promise<void> | null = null;
  let pumping: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const emit = (rows: LifecycleEventRow[], isLate: boolean) => {
    if (rows.length === 0) return;
    for (const listener of listeners) listener(rows, isLate);
  };

  const readLate = async () => {
    const now = Date.now();
    late = late.filter((r) => r.until > now);
    if (late.length === 0) return;
    const found = await readEventsInRanges(opts.db, late);
    emit(found, true);
    // A found row is done; the rest of its range stays watched until it expires.
    late = withoutSeqs(
      late,
      found.map((r) => r.seq),
    );
  };

  const readOnce = async (): Promise<boolean> => {
    const rows = await readEventsAfter(opts.db, state.head, { limit: settings.batch });
    const step = advanceHead(state, rows, Date.now(), settings.gapWaitMs);
    state = step.state;
    const until = Date.now() + settings.lateWatchMs;
    late.push(...step.skipped.map((r) => ({ ...r, until })));
    emit(step.deliver, false);
    return !step.blocked && rows.length === settings.batch;
  };

  const pump = (): Promise<void> => {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      try {
        do {
          again = false;
          while (!closed && (await readOnce())) {
            // a full batch: read on
          }
          if (!closed) await readLate();
        } while (again && !closed);
      } catch (error) {
        opts.onError(error);
      } finally {
        pumping = null;
      }
    })();
    return pumping;
  };

  const start = async (): Promise<void> => {
    state = { head: (await eventSeqBounds(opts.db)).last, gapSince: null };
    const sub = opts.redis.duplicate({ lazyConnect: false });
    subscriber = sub;
    sub.on('message', () => void pump());
    await sub.subscribe(opts.channel);
    timer = setInterval(() => void pump(), settings.pollMs);
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    const sub = subscriber;
    subscriber = null;
    ready = null;
    return sub;
  };

  return {
    listen: async (listener) => {
      const starting = (ready ??= start());
      try {
        await starting;
      } catch (error) {
        // A failed start is not kept: the next listener starts afresh.
        if (ready === starting) stop()?.disconnect();
        throw error;
      }
      listeners.add(listener);
      return { head: state.head, unlisten: () => listeners.delete(listener) };
    },
    close: async () => {
      closed = true;
      listeners.clear();
      const sub = stop();
      await pumping;
      if (sub) {
        await sub.unsubscribe(opts.channel).catch((error: unknown) => opts.onError(error));
        sub.disconnect();
      }
    },
  };
};
