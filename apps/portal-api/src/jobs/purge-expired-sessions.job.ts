import { z } from 'zod';
import { purgeExpiredSessions } from '../repositories/session-repository';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

/** Recurring housekeeping: drop sessions past their expiry (they are already refused). */
export const purgeExpiredSessionsJob = defineJob({
  name: 'session.purge-expired',
  queue: 'maintenance',
  payload: z.object({}).strict(),
  schedule: { every: 15 * 60 * 1000 },
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: 100,
    removeOnFail: 500,
  },
  handler: async (deps: JobDeps) => ({
    purged: await purgeExpiredSessions(deps.db, deps.now()),
  }),
});
