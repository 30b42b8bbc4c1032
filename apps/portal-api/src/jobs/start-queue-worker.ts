import { DelayedError, Queue, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JobDefinition } from './job-definition';
import type { JobDeps } from './job-deps';

export type QueueWorkerSpec = {
  queue: string;
  jobs: readonly JobDefinition[];
  connection: Redis;
  /** BullMQ key prefix (each deployment and test harness has its own). */
  prefix?: string;
  /** Upsert the jobs' schedulers (default true; tests that drive jobs by hand say false). */
  schedule?: boolean;
  worker?: Omit<WorkerOptions, 'connection' | 'prefix'>;
  log?: Pick<Logger, 'info' | 'warn'>;
  /** Log a finished job only when this says so (quiet for frequent housekeeping). */
  logDone?: (name: string, result: unknown) => boolean;
};

/**
 * The one worker bootstrap: schedulers for the recurring jobs of the queue, one BullMQ worker
 * that picks the job by name (or an alias), re-validates the payload, tells the handler whether
 * this is its last attempt, and logs the job's name and id — never its payload.
 */
export const startQueueWorker = async (deps: JobDeps, spec: QueueWorkerSpec): Promise<Worker> => {
  const prefix = spec.prefix ? { prefix: spec.prefix } : {};
  const byName = new Map<string, JobDefinition>();
  for (const job of spec.jobs) {
    if (job.queue !== spec.queue) throw new Error(`${job.name} belongs to queue ${job.queue}`);
    for (const name of [job.name, ...(job.aliases ?? [])]) byName.set(name, job);
  }
  if (spec.schedule !== false) {
    const queue = new Queue(spec.queue, { connection: spec.connection, ...prefix });
    for (const job of spec.jobs)
      if (job.schedule)
        await queue.upsertJobScheduler(job.name, job.schedule, {
          name: job.name,
          data: {},
          opts: job.options,
        });
    await queue.close();
  }
  const worker = new Worker(
    spec.queue,
    async (bullJob, token) => {
      const job = byName.get(bullJob.name);
      if (!job) throw new Error(`unknown job ${bullJob.name}`);
      const payload: unknown = job.payload.parse(bullJob.data ?? {});
      const attempts = bullJob.opts.attempts ?? 1;
      const result = await job.handler(deps, payload, {
        finalAttempt: bullJob.attemptsMade + 1 >= attempts,
        postpone: async (ms) => {
          await bullJob.moveToDelayed(Date.now() + ms, token);
          throw new DelayedError();
        },
      });
      if (spec.logDone?.(job.name, result) ?? true)
        spec.log?.info({ job: bullJob.name, id: bullJob.id, result }, 'job done');
      return result;
    },
    { ...spec.worker, connection: spec.connection, ...prefix },
  );
  worker.on('failed', (job, err) =>
    spec.log?.warn({ job: job?.name, id: job?.id, err: err.message }, 'job attempt failed'),
  );
  return worker;
};
