import type { Task } from '@yunguan/contract';
import { conflict, notFound } from '@yunguan/domain';
import { findTaskRow } from '../../repositories/task-repository';
import type { RequestContext } from '../context';
import { toTask } from './to-task';
import { transitionTask } from './transition-task';

/**
 * held → cancelled: it never runs, and what it held against the quota is free at once (only
 * held, queued and running tasks hold). Refused (task_not_held) once it was released.
 */
export const cancelHeldTask = async (
  ctx: RequestContext,
  taskId: string,
  by: { id: string | null; name: string; reason: string },
): Promise<Task> => {
  const task = await findTaskRow(ctx.db, taskId);
  if (!task) throw notFound('task', taskId);
  const cancelled = await transitionTask(
    ctx,
    task,
    ['held'],
    {
      status: 'cancelled',
      finishedAt: ctx.now(),
      errorReason: 'task_cancelled',
      errorParams: { by: by.name, reason: by.reason },
      secretInputEnc: null,
    },
    { detail: { phase: 'cancelled', by: by.name, reason: by.reason } },
  );
  if (!cancelled) throw conflict('task_not_held', { task: task.targetName, status: task.status });
  return toTask(cancelled);
};
