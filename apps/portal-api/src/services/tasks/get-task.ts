import type { Task } from '@yunguan/contract';
import { can, notFound } from '@yunguan/domain';
import { findTaskRow } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { toTask } from './to-task';

/** One task; a task outside the caller's projects does not exist for them (404). */
export const getTask = async (ctx: ServiceContext, id: string): Promise<Task> => {
  const row = await findTaskRow(ctx.db, id);
  if (
    !row ||
    !can(ctx.principal, 'resource.read', {
      departmentId: row.departmentId,
      projectId: row.projectId,
    })
  )
    throw notFound('task', id);
  return toTask(row);
};
