import { z } from 'zod';
import { performTask } from '../services/tasks/perform-task';
import type { TaskAttempt } from '../services/tasks/run-task';
import {
  legacyTaskJobNames,
  TASK_JOB,
  TASK_QUEUE,
  taskJobOptions,
} from '../services/tasks/task-runtime';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

/** The payload of the task job: the task id (the task row holds everything else). */
const payload = z.object({ taskId: z.uuid() }).strict();

/**
 * task.run: one attempt of any task (server, storage, network, load balancer …), by its action's
 * definition. Job id = task id (idempotent enqueue). After the last BullMQ attempt the task is
 * failed with its reason, never left running.
 */
export const taskRunJob = defineJob({
  name: TASK_JOB,
  queue: TASK_QUEUE,
  payload,
  options: taskJobOptions,
  aliases: legacyTaskJobNames,
  handler: (deps: JobDeps, data: z.infer<typeof payload>, attempt: TaskAttempt) =>
    performTask(deps, data.taskId, attempt),
});
