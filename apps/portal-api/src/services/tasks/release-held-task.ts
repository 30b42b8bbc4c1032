import type { Task } from '@yunguan/contract';
import { conflict, notFound } from '@yunguan/domain';
import { findTaskRow } from '../../repositories/task-repository';
import type { RequestContext } from '../context';
import { enqueueTasks } from './enqueue-tasks';
import { toTask } from './to-task';
import { transitionTask } from './transition-task';

/**
 * held → queued, then its job. The transition is a compare-and-set on `held`: of two releases
 * racing, one moves the task and enqueues it, the other is refused (task_not_held) — the task
 * runs exactly once (the job id is the task id, and a worker claims it once per attempt).
 * The caller (a work order's last approval, M2.2) has checked who may release it.
 */
export const releaseHeldTask = async (
  ctx: RequestContext,
  taskId: string,
  by: { id: string | null; name: string },
): Promise<Task> => {
  const task = await findTaskRow(ctx.db, taskId);
  if (!task) throw notFound('task', taskId);
  const released = await transitionTask(
    ctx,
    task,
    ['held'],
    { status: 'queued' },
    { detail: { phase: 'released', by: by.name } },
  );
  if (!released) throw conflict('task_not_held', { task: task.targetName, status: task.status });
  await enqueueTasks(ctx, [released]);
  return toTask(released);
};
