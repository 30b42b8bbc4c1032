import type { Server, ServerListQuery } from '@yunguan/contract';
import { listServerRows, type ServerRow } from '../../repositories/server-repository';
import { listActiveTasksOfTargets } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { toServer } from './to-server';

type Page = { items: Server[]; total: number; page: number; pageSize: number };

/** Mirror rows → API servers, each with the unfinished task running on it, if any. */
export const withActiveTasks = async (
  ctx: ServiceContext,
  rows: ServerRow[],
  departmentId: string,
): Promise<Server[]> => {
  const active = await listActiveTasksOfTargets(
    ctx.db,
    rows.map((r) => ({ datacenterId: r.datacenterId, externalId: r.externalId })),
  );
  const byTarget = new Map(active.map((t) => [`${t.datacenterId}/${t.targetExternalId}`, t]));
  return rows.map((r) => {
    const task = byTarget.get(`${r.datacenterId}/${r.externalId}`);
    return toServer(
      r,
      departmentId,
      task ? { id: task.id, action: task.action, status: task.status } : null,
    );
  });
};

/** The project's servers from the inventory mirror. */
export const listServers = async (
  ctx: ServiceContext,
  projectId: string,
  query: ServerListQuery,
): Promise<Page> => {
  const project = await findProjectFor(ctx, projectId, 'resource.read');
  const { rows, total } = await listServerRows(
    ctx.db,
    {
      projectId: project.id,
      includeDeleted: query.includeDeleted,
      ...(query.status ? { status: query.status } : {}),
      ...(query.datacenterId ? { datacenterId: query.datacenterId } : {}),
      ...(query.q ? { q: query.q } : {}),
    },
    query.sort,
    query.page,
    query.pageSize,
  );
  return {
    items: await withActiveTasks(ctx, rows, project.departmentId),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
