import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { JobDeps } from './job-deps';

/**
 * What a handler learns about the attempt it runs in. `postpone` moves the job back to the
 * queue's delayed set for `ms` without counting an attempt (a per-channel rate limit, a busy
 * peer): it never returns.
 */
export type JobAttempt = { finalAttempt: boolean; postpone?: (ms: number) => Promise<never> };

/**
 * One job, one file (`<domain>.<verb>`): its queue, payload schema (re-validated by the worker),
 * BullMQ options, an optional schedule (a BullMQ job scheduler, never an outside cron) and the
 * handler. Every queue's worker is started by startQueueWorker from a list of these.
 */
export type JobDefinition<P extends z.ZodType = z.ZodType> = {
  name: string;
  queue: string;
  payload: P;
  options: JobsOptions;
  /** Recurring: upserted as a job scheduler when the queue's worker starts. */
  schedule?: { every: number };
  /** Names earlier versions enqueued this job under (still in a queue after an upgrade). */
  aliases?: readonly string[];
  handler(deps: JobDeps, payload: z.output<P>, attempt: JobAttempt): Promise<unknown>;
};

export const defineJob = <P extends z.ZodType>(job: JobDefinition<P>): JobDefinition<P> => job;
