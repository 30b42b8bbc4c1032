import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import type { TaskAttempt } from '../services/tasks/run-task';
import { TASK_QUEUE, taskJobOptions, type TaskJobName } from '../services/tasks/task-runtime';
import type { JobDeps } from './job-deps';

/** The payload of every task job: the task id (the task row holds everything else). */
export const taskJobPayload = z.object({ taskId: z.uuid() }).strict();
export type TaskJobPayload = z.infer<typeof taskJobPayload>;

/** A job that runs one attempt of a task. Job id = task id (idempotent enqueue). */
export type TaskJob = {
  name: TaskJobName;
  queue: typeof TASK_QUEUE;
  payload: typeof taskJobPayload;
  options: JobsOptions;
  /** After the last BullMQ attempt the task is failed with its reason (never left running). */
  handler: (
    deps: JobDeps,
    payload: TaskJobPayload,
    attempt: TaskAttempt,
  ) => Promise<{ status: string }>;
};

export const defineTaskJob = (name: TaskJobName, handler: TaskJob['handler']): TaskJob => ({
  name,
  queue: TASK_QUEUE,
  payload: taskJobPayload,
  options: taskJobOptions,
  handler,
});
