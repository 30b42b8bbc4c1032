import type { TaskRow } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { jobNameOfAction } from '../tasks/task-runtime';
import { publishTask } from '../tasks/transition-task';

/**
 * After the tasks are committed: add their jobs (job id = task id) and announce them. If this
 * process dies in between, task.reconcile finds the queued tasks without a job and adds it.
 */
export const queueTasks = async (ctx: ServiceContext, rows: TaskRow[]): Promise<void> => {
  const deps = { db: ctx.db, config: ctx.config, now: ctx.now };
  for (const row of rows) {
    await ctx.config.tasks.enqueue(jobNameOfAction(row.action), row.id);
    await publishTask(deps, row);
  }
};
