import { z } from 'zod';
import { reconcileTasks } from '../services/tasks/reconcile-tasks';
import { TASK_MAINTENANCE_QUEUE } from '../services/tasks/task-runtime';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

/** Every 30 s (TASK_RECONCILE_EVERY_MS): re-enqueue tasks no worker is moving. */
export const taskReconcileJob = defineJob({
  name: 'task.reconcile',
  queue: TASK_MAINTENANCE_QUEUE,
  payload: z.object({}).strict(),
  options: { attempts: 1, removeOnComplete: 100, removeOnFail: 500 },
  handler: (deps: JobDeps) => reconcileTasks(deps),
});
