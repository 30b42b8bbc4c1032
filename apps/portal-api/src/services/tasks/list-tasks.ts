import type { Task, TaskListQuery } from '@yunguan/contract';
import { can, notFound } from '@yunguan/domain';
import { findProjectRow } from '../../repositories/project-repository';
import { listTaskRows } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { reachableProjectIds } from './project-reach';
import { toTask } from './to-task';

/** Tasks of the projects the caller can read, newest first. */
export const listTasks = async (
  ctx: ServiceContext,
  query: TaskListQuery,
): Promise<{ items: Task[]; total: number; page: number; pageSize: number }> => {
  let projectIds: string[] | null;
  if (query.projectId) {
    const project = await findProjectRow(ctx.db, query.projectId);
    if (
      !project ||
      !can(ctx.principal, 'resource.read', {
        departmentId: project.departmentId,
        projectId: project.id,
      })
    )
      throw notFound('project', query.projectId);
    projectIds = [project.id];
  } else {
    projectIds = await reachableProjectIds(ctx.db, ctx.principal, 'resource.read');
  }
  const { rows, total } = await listTaskRows(
    ctx.db,
    {
      projectIds,
      ...(query.status ? { status: query.status } : {}),
      ...(query.resourceId ? { resourceId: query.resourceId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.createdFrom ? { createdFrom: new Date(query.createdFrom) } : {}),
      ...(query.createdTo ? { createdTo: new Date(query.createdTo) } : {}),
      ...(query.q ? { q: query.q } : {}),
    },
    query.page,
    query.pageSize,
  );
  return { items: rows.map((r) => toTask(r)), total, page: query.page, pageSize: query.pageSize };
};
