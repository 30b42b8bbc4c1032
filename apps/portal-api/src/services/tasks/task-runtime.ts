import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createEventBus, type EventBus } from '../../events/event-bus';

export const TASK_QUEUE = 'tasks';
/** Short housekeeping (the reconcile scheduler), kept apart from the long follow loops. */
export const TASK_MAINTENANCE_QUEUE = 'task-maintenance';

/** The one job that runs a task (src/jobs/task-run.job.ts); the job id is always the task id. */
export const TASK_JOB = 'task.run';
/** Names earlier versions enqueued: a worker still runs such a job the same way. */
export const legacyTaskJobNames = [
  'server.create',
  'server.action',
  'server.delete',
  'resource.task',
];

/** BullMQ attempts come from the settings (TASK_MAX_ATTEMPTS), see createTaskRuntime. */
export const taskJobOptions: JobsOptions = {
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export type TaskSettings = {
  /** How often the worker looks at a cloud operation. */
  followIntervalMs: number;
  /** Give up following an operation after this long. */
  deadlineMs: number;
  /** A running task whose heartbeat is older than this is reconciled. */
  staleAfterMs: number;
  /** Claims of one task (worker deaths included) before it is failed for good. */
  maxAttempts: number;
  /** BullMQ job lock: how soon a dead worker's job is taken over. */
  lockMs: number;
  concurrency: number;
  reconcileEveryMs: number;
  /** First back-off between attempts of a task job (doubles each time; maxAttempts attempts). */
  retryDelayMs: number;
};

export const defaultTaskSettings: TaskSettings = {
  followIntervalMs: 1_000,
  deadlineMs: 15 * 60_000,
  staleAfterMs: 90_000,
  maxAttempts: 5,
  lockMs: 30_000,
  concurrency: 20,
  reconcileEveryMs: 30_000,
  retryDelayMs: 2_000,
};

/** Queue access and event publishing for tasks, shared by the API and the worker. */
export type TaskRuntime = {
  settings: TaskSettings;
  events: EventBus;
  /** BullMQ key prefix, so every deployment (and test harness) has its own queues. */
  bullPrefix: string;
  connection: Redis;
  /** Add the task's job; a job with this id that already exists is left alone (no duplicate). */
  enqueue: (taskId: string) => Promise<void>;
  /** BullMQ's view of the task's job: waiting, active, delayed, failed, completed … or missing. */
  jobState: (taskId: string) => Promise<string>;
  /** Drop a finished (failed/completed) job of the task and add it again under the same id. */
  requeue: (taskId: string) => Promise<void>;
  close: () => Promise<void>;
};

export const createTaskRuntime = (
  redis: Redis,
  keyPrefix: string,
  settings: TaskSettings = defaultTaskSettings,
): TaskRuntime => {
  const bullPrefix = `${keyPrefix}bull`;
  let queue: Queue | null = null;
  const queueOf = () =>
    (queue ??= new Queue(TASK_QUEUE, { connection: redis, prefix: bullPrefix }));
  const enqueue = async (taskId: string) => {
    await queueOf().add(
      TASK_JOB,
      { taskId },
      {
        ...taskJobOptions,
        attempts: settings.maxAttempts,
        backoff: { type: 'exponential', delay: settings.retryDelayMs },
        jobId: taskId,
      },
    );
  };
  return {
    settings,
    events: createEventBus(redis, keyPrefix),
    bullPrefix,
    connection: redis,
    enqueue,
    jobState: async (taskId) => {
      const job = await queueOf().getJob(taskId);
      return job ? await job.getState() : 'missing';
    },
    requeue: async (taskId) => {
      const job = await queueOf().getJob(taskId);
      if (job) {
        const state = await job.getState();
        if (state !== 'failed' && state !== 'completed') return;
        await job.remove();
      }
      await enqueue(taskId);
    },
    close: async () => {
      if (queue) await queue.close();
      queue = null;
    },
  };
};
