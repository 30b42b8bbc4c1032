import { z } from 'zod';
import type { Database } from '../repositories/db-client';
import { purgeExpiredSessions } from '../repositories/session-repository';

/** Recurring housekeeping: drop sessions past their expiry (they are already refused). */
export const purgeExpiredSessionsJob = {
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
  handler: async (deps: { db: Database; now: () => Date }, _payload: Record<string, never>) => ({
    purged: await purgeExpiredSessions(deps.db, deps.now()),
  }),
} as const;
