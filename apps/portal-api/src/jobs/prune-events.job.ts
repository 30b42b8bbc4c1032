import { z } from 'zod';
import { deleteEventsBefore } from '../repositories/lifecycle-event-repository';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Hourly housekeeping: drop lifecycle events older than the retention window (ADR 0112). A
 * stream that resumes from before the oldest kept event is told to refetch (`reset`); tasks and
 * the mirror keep their own rows, so nothing but the replay window is lost.
 */
export const pruneEventsJob = (retentionDays: number) =>
  defineJob({
    name: 'events.prune',
    queue: 'maintenance',
    payload: z.object({}).strict(),
    schedule: { every: 60 * 60 * 1000 },
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: 100,
      removeOnFail: 500,
    },
    handler: async (deps: JobDeps) => ({
      pruned: await deleteEventsBefore(
        deps.db,
        new Date(deps.now().getTime() - retentionDays * DAY_MS),
      ),
    }),
  });
