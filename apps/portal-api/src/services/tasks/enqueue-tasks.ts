import type { TaskRow } from '../../repositories/task-repository';
import type { RequestContext } from '../context';
import { publishTask } from './transition-task';

/**
 * After the tasks are committed: add the jobs of queued ones (job id = task id) and announce
 * every one (a held task is announced, not enqueued). If this process dies in between,
 * task.reconcile finds the queued tasks without a job and adds it.
 */
export const enqueueTasks = async (ctx: RequestContext, rows: TaskRow[]): Promise<void> => {
  const deps = { db: ctx.db, config: ctx.config, now: ctx.now };
  for (const row of rows) {
    if (row.status === 'queued') await ctx.config.tasks.enqueue(row.id);
    await publishTask(deps, row);
  }
};
