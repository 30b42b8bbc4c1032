import type { Database } from '../../repositories/db-client';
import {
  eventSeqBounds,
  readEventsAfter,
  type LifecycleEventRow,
} from '../../repositories/lifecycle-event-repository';

/** The log's row as the SSE route sends it. */
export type { LifecycleEventRow };

/** At most this many log rows are replayed to a resuming stream; further behind is a reset. */
export const SSE_REPLAY_LIMIT = 1_000;

export type StreamResume =
  | { kind: 'replay'; rows: LifecycleEventRow[] }
  | { kind: 'reset'; reason: 'too_far_behind' | 'unknown_position' };

/**
 * What a stream that resumes after `after` (its Last-Event-ID) must be sent before it goes live
 * from `head` (ADR 0112): the log rows in (after, head], or a reset when they cannot be — the
 * position is older than the retained log, more than `limit` rows behind the log's end, or
 * unknown to this log
 * (e.g. a database restored from an older backup). The caller filters rows by tenancy.
 */
export const resumeEventStream = async (
  deps: { db: Database },
  input: { after: bigint; head: bigint; limit?: number },
): Promise<StreamResume> => {
  const limit = input.limit ?? SSE_REPLAY_LIMIT;
  const bounds = await eventSeqBounds(deps.db);
  if (input.after > bounds.last) return { kind: 'reset', reason: 'unknown_position' };
  if (input.after < bounds.first - 1n) return { kind: 'reset', reason: 'too_far_behind' };
  // Counted up to the log's end, not the feed's head (which may lag by a poll); the rows after
  // the head reach the stream live.
  const rows = await readEventsAfter(deps.db, input.after, { limit: limit + 1 });
  if (rows.length > limit) return { kind: 'reset', reason: 'too_far_behind' };
  return { kind: 'replay', rows: rows.filter((r) => r.seq <= input.head) };
};
