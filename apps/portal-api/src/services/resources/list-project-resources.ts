import type { ResourceKind, ResourceListQuery } from '@yunguan/contract';
import { listResourceRows } from '../../repositories/project-resource-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import { listActiveTasksOfTargets } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { toResourceItem, type ResourceItem } from './to-resource-item';

/** Mirror rows → API items, each with the unfinished task running on it, if any. */
export const withActiveTasks = async (
  ctx: ServiceContext,
  kind: ResourceKind,
  rows: ResourceRow[],
): Promise<ResourceItem[]> => {
  const active = await listActiveTasksOfTargets(
    ctx.db,
    rows.map((r) => ({ datacenterId: r.datacenterId, externalId: r.externalId })),
    kind,
  );
  const byTarget = new Map(active.map((t) => [`${t.datacenterId}/${t.targetExternalId}`, t]));
  return rows.map((r) => {
    const task = byTarget.get(`${r.datacenterId}/${r.externalId}`);
    return toResourceItem(
      r,
      task ? { id: task.id, action: task.action, status: task.status } : null,
    );
  });
};

export const filterOf = (projectId: string, kind: ResourceKind, query: ResourceListQuery) => ({
  projectId,
  type: kind,
  includeDeleted: query.includeDeleted,
  ...(query.status ? { status: query.status } : {}),
  ...(query.datacenterId ? { datacenterId: query.datacenterId } : {}),
  ...(query.q ? { q: query.q } : {}),
});

/** One kind of the project's storage/network objects from the mirror (filter, search, sort, pages). */
export const listProjectResources = async (
  ctx: ServiceContext,
  projectId: string,
  kind: ResourceKind,
  query: ResourceListQuery,
) => {
  const project = await findProjectFor(ctx, projectId, 'resource.read');
  const { rows, total } = await listResourceRows(
    ctx.db,
    filterOf(project.id, kind, query),
    query.sort,
    query.page,
    query.pageSize,
  );
  return {
    items: await withActiveTasks(ctx, kind, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
